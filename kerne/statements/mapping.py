"""Compute a process's opinion map and keep only what may be shown.

Runs in the background task, never on a page request. The stored result is
already filtered by the anonymity threshold k of the moment: opinion groups
smaller than it are pooled or hidden, staff and citizens are compared only
through a reporting plan over the two sides, never group by group, and no
per-statement figure (everyone's, a group's or a side's) has fewer than k votes
behind it.

The map changes while voting is open, and a watcher can compare two moments.
So the per-statement figures of everyone and of each side count votes in
batches of k, in the order they were first cast: between two moments a figure
moves by at least k votes, never by the one vote someone just cast.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.utils import timezone
from scipy.spatial import ConvexHull, QhullError

from kerne.analysis.opinions import OpinionMap as Analysis
from kerne.analysis.opinions import (
    Votes,
    analyse_opinions,
    group_stability,
    stakeholder_agreement,
)
from kerne.lib.anonymity import batched, plan_reporting
from kerne.processes.models import Process, StakeholderGroup
from kerne.statements.models import OpinionMap, Statement, Vote

# The SVG's coordinate box; the template draws in these units.
WIDTH, HEIGHT, PAD = 400.0, 300.0, 20.0

# Participant resamples behind the stability of the groups (80 % of them each).
STABILITY_RESAMPLES = 10
# Mean adjusted Rand index from which the groups are called stable, and below
# which unstable (Seattle's fuzzy groups, which reappear in about half the
# resamples, score about 0.5).
STABLE, UNSTABLE = 0.8, 0.5

# (vote id, respondent, statement, value, stakeholder group)
VoteRow = tuple[int, int, int, int, int]


def compute_opinion_map(process_id: int) -> bool:
    """Recompute and store the map; False if the process no longer exists."""
    process = Process.objects.filter(pk=process_id).first()
    if process is None:
        return False
    # Unqueue first: votes cast while we compute queue the next run.
    OpinionMap.objects.update_or_create(
        process=process,
        defaults={"queued_at": None, "computing_since": timezone.now()},
    )
    data = build_map_data(process)
    OpinionMap.objects.filter(process=process).update(
        data=data, computed_at=timezone.now(), computing_since=None
    )
    return True


def build_map_data(process: Process) -> dict[str, Any]:
    threshold = process.anonymity_threshold
    rows = list(
        Vote.objects.filter(
            statement__process=process, statement__status=Statement.Status.PUBLISHED
        )
        .order_by("pk")
        .values_list(
            "pk", "respondent_id", "statement_id", "value", "respondent__group_id"
        )
    )
    voters = {r[1] for r in rows}
    data: dict[str, Any] = {
        "threshold": threshold,
        "voters": len(voters),
        "votes": len(rows),
        "statements": Statement.objects.published().filter(process=process).count(),
    }
    if len(voters) < threshold:
        data["too_few"] = True
        return data
    votes = _votes(rows)
    # Who entered the map once stays in it (Polis's rule), even with fewer
    # votes than today's statements ask; the vote that let them in is flagged.
    members = set(
        Vote.objects.filter(statement__process=process, entered_map=True).values_list(
            "respondent_id", flat=True
        )
    )
    result = analyse_opinions(votes, seed=0, members=members)
    totals = _totals(rows, threshold)
    data["totals"] = totals
    data["statement_ids"] = sorted({r[2] for r in rows})
    data.update(_groups(result, threshold))
    # "Nearly everyone agrees" is a figure too: only over statements with k votes.
    data["consensus"] = {
        "agree": [
            c.statement_id
            for c in result.consensus_agree
            if str(c.statement_id) in totals
        ],
        "disagree": [
            c.statement_id
            for c in result.consensus_disagree
            if str(c.statement_id) in totals
        ],
    }
    data["informed_consensus"] = {
        sid: x for sid, x in data["informed_consensus"].items() if sid in totals
    }
    data["sides"] = _sides(process, rows, threshold)
    if len(data["groups"]) >= 2:
        # One figure for the whole grouping: how much of it survives when a
        # fifth of the participants are left out (adjusted Rand index).
        stability = group_stability(
            votes,
            result.clustering,
            resamples=STABILITY_RESAMPLES,
            members=members,
        )
        data["stability"] = round(stability.mean_ari, 2)
    return data


def _votes(rows: Sequence[VoteRow]) -> Votes:
    return Votes.from_triples(
        np.array([r[1] for r in rows]),
        np.array([r[2] for r in rows]),
        np.array([r[3] for r in rows]),
    )


def released(
    rows: Sequence[VoteRow], threshold: int, key: Callable[[VoteRow], Hashable]
) -> list[VoteRow]:
    """The votes that may count, in whole batches of `threshold` per key, oldest first.

    A vote keeps its row when it is changed, so a batch, once counted, stays
    the same people; the next vote on a statement counts only when k - 1 more
    have joined it.
    """
    by_key: dict[Hashable, list[VoteRow]] = defaultdict(list)
    for row in sorted(rows):
        by_key[key(row)].append(row)
    out: list[VoteRow] = []
    for batch in by_key.values():
        out.extend(batch[: len(batch) - len(batch) % threshold])
    return out


def _totals(rows: Sequence[VoteRow], threshold: int) -> dict[str, list[int]]:
    """Agree, disagree and pass counts of everybody, per statement with k votes or more."""
    counts: dict[str, list[int]] = {}
    for _pk, _respondent, sid, value, _group in released(
        rows, threshold, lambda r: r[2]
    ):
        counts.setdefault(str(sid), [0, 0, 0])[(1, -1, 0).index(value)] += 1
    return counts


def _groups(result: Analysis, threshold: int) -> dict[str, Any]:
    groups = result.groups
    in_map = result.clustering.in_map
    sizes = {g: int((groups == g).sum()) for g in range(result.n_groups)}
    shown = _lettered(sizes, threshold)
    letter = {g: i for i, g in enumerate(shown)}
    coords = result.clustering.coords[in_map]
    labels = groups[in_map]
    points = _fit(coords)
    out_points = [
        [round(float(x), 1), round(float(y), 1), letter.get(int(g), -1)]
        for (x, y), g in zip(points, labels, strict=True)
    ]
    sids = result.statement_ids.tolist()
    gv = result.group_votes
    shown_groups = []
    for g in shown:
        members = points[labels == g]
        shown_groups.append(
            {
                "size": sizes[g],
                "hull": _hull(members),
                "centre": [round(float(v), 1) for v in members.mean(axis=0)],
                "repness": [
                    {
                        "id": r.statement_id,
                        "direction": r.direction,
                        "percent": round(100 * r.n_success / max(r.n_trials, 1)),
                        "n": r.n_trials,
                    }
                    for r in result.repness[g]
                    # A group's share on a statement only some of it voted on.
                    if r.n_trials >= threshold
                ],
            }
        )
    divisive = []
    for d in result.divisive:
        hi, lo = d.most_agreeing_group, d.least_agreeing_group
        if hi not in letter or lo not in letter:
            continue
        j = sids.index(d.statement_id)
        if min(gv.seen[hi, j], gv.seen[lo, j]) < threshold:
            continue
        divisive.append(
            {
                "id": d.statement_id,
                "high": letter[hi],
                "low": letter[lo],
                "high_percent": round(100 * gv.agree[hi, j] / max(gv.seen[hi, j], 1)),
                "low_percent": round(100 * gv.agree[lo, j] / max(gv.seen[lo, j], 1)),
            }
        )
    pooled = sum(sizes[g] for g in sizes if g not in letter)
    placed = int(in_map.sum())
    return {
        # Counts of fewer than k people are not shown (None), not even of everyone.
        "in_map": placed if placed >= threshold else None,
        "points": out_points,
        "groups": shown_groups,
        "others": pooled if pooled >= threshold else None,
        "divisive": divisive,
        "informed_consensus": {
            str(sid): round(float(x), 4)
            for sid, x in zip(
                sids, result.group_informed_consensus.tolist(), strict=True
            )
        },
    }


def _lettered(sizes: dict[int, int], threshold: int) -> list[int]:
    """The opinion groups shown with a letter; the rest are "others", at least k of them.

    Every voter is a point on the map, so the unlettered points are counted by
    anyone who looks: the others must reach the threshold too. Opinion groups are
    clusters, not stakeholder groups, so here the smallest lettered group joins
    the others until they do. Lettered A, B, … by size; the library numbers them so.
    """
    plan = plan_reporting(sizes, threshold)
    shown = sorted(plan.visible)
    others = sum(n for g, n in sizes.items() if g not in plan.visible)
    while shown and 0 < others < threshold:
        smallest = min(shown, key=lambda g: (sizes[g], g))
        shown.remove(smallest)
        others += sizes[smallest]
    return shown


def _fit(coords: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Scale map coordinates into the SVG box, keeping the aspect ratio, y pointing up."""
    if len(coords) == 0:
        return np.zeros((0, 2))
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = np.maximum(high - low, 1e-9)
    scale = min((WIDTH - 2 * PAD) / span[0], (HEIGHT - 2 * PAD) / span[1])
    centre = (low + high) / 2
    x = WIDTH / 2 + (coords[:, 0] - centre[0]) * scale
    y = HEIGHT / 2 - (coords[:, 1] - centre[1]) * scale
    return np.column_stack([x, y])


def _hull(points: np.ndarray[Any, Any]) -> str:
    """The group's convex hull as SVG polygon points, or "" when the points are collinear."""
    if len(np.unique(points, axis=0)) < 3:
        return ""
    try:
        hull = ConvexHull(points)
    except QhullError:
        return ""
    return " ".join(f"{points[i, 0]:.1f},{points[i, 1]:.1f}" for i in hull.vertices)


def _sides(process: Process, rows: Sequence[VoteRow], threshold: int) -> dict[str, Any]:
    """Agreement inside vs outside the workplace, with 95 % Wilson intervals.

    A side counts only the stakeholder groups with at least k voters of their
    own; smaller groups are in neither side. The two sides then go through one
    reporting plan: if either has fewer voters than the threshold, the plan
    pools both and no comparison is shown. A statement
    is listed only when both sides have enough votes on it, so the table never
    holds a figure that the totals could turn into a small group's votes. Each
    side's votes on a statement count in batches of k, as the totals do.
    """
    side_of = dict(process.groups.values_list("pk", "side"))
    # A side is made of whole stakeholder groups of at least k voters: a small
    # group counted into a large group's side is that side's figure minus the
    # large group's, and moving the small group to the other side (a setting the
    # facilitator may change at any time) gave exactly that difference. Small
    # groups are left out, never pooled: the pool would change as groups grow.
    group_of = {r[1]: r[4] for r in rows}
    group_voters: dict[int, int] = defaultdict(int)
    for gid in group_of.values():
        group_voters[gid] += 1
    large = plan_reporting(group_voters, threshold, pool=False).visible
    voter_side = {
        pid: side_of.get(gid, "") if gid in large else ""
        for pid, gid in group_of.items()
    }
    counts = {
        side: sum(1 for s in voter_side.values() if s == side)
        for side in StakeholderGroup.Side.values
    }
    plan = plan_reporting(counts, threshold)
    if len(plan.visible) < 2:
        return {"shown": False}
    sided = [r for r in rows if voter_side[r[1]]]
    counted = released(sided, threshold, lambda r: (voter_side[r[1]], r[2]))
    if not counted:
        return {"shown": False}
    report = stakeholder_agreement(
        _votes(counted),
        {pid: side for pid, side in voter_side.items() if side},
        min_group_size=threshold,
    )
    by_side = {g.label: g for g in report.groups}
    inside = by_side.get(StakeholderGroup.Side.INSIDE)
    outside = by_side.get(StakeholderGroup.Side.OUTSIDE)
    if inside is None or outside is None:
        # Enough voters on each side, but not yet a whole batch of votes from both.
        return {"shown": False}
    statements = []
    for j, sid in enumerate(report.statement_ids.tolist()):
        cells = []
        for side in (inside, outside):
            if np.isnan(side.agree[j]):
                break
            cells.append(
                {
                    "n": int(side.voters[j]),
                    "agree": round(100 * float(side.agree[j])),
                    "low": round(100 * float(side.agree_low[j])),
                    "high": round(100 * float(side.agree_high[j])),
                }
            )
        else:
            statements.append({"id": sid, "inside": cells[0], "outside": cells[1]})
    # Largest gap first: where staff and citizens part.
    statements.sort(key=lambda s: -abs(s["inside"]["agree"] - s["outside"]["agree"]))
    return {
        "shown": True,
        "inside_voters": inside.participants,
        "outside_voters": outside.participants,
        "statements": statements,
    }


LETTERS = "ABCDE"


@dataclass(frozen=True)
class MapView:
    """What the map page shows of the stored map; each row is the stored figures' dict."""

    map: OpinionMap
    data: dict[str, Any]
    # Voters, votes and voters in the map, in whole batches of k (None below k).
    counts: dict[str, int | None]
    ready: bool
    # A changed threshold may make stored groups too small to show: hide them.
    stale: bool
    updating: bool
    width: int
    height: int
    points: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    letters: str
    # Only while two groups or more are shown: it is about telling them apart.
    stability: dict[str, Any] | None
    consensus_agree: list[dict[str, Any]]
    consensus_disagree: list[dict[str, Any]]
    divisive: list[dict[str, Any]]
    sides: dict[str, Any]
    # Statements with too few votes last, in a fixed order that says nothing.
    all_statements: list[dict[str, Any]]


def map_view(process: Process, found: OpinionMap) -> MapView:
    """What the map page shows: the stored figures with the statements' current text."""
    data: dict[str, Any] = found.data or {}
    texts = dict(Statement.objects.filter(process=process).values_list("pk", "text"))

    def text(sid: Any) -> str:
        return texts.get(int(sid), "") if str(sid).isdigit() else ""

    groups = [
        {
            **group,
            "letter": LETTERS[i],
            "css": f"g{i}",
            "repness": [
                {**r, "text": text(r["id"])}
                for r in group["repness"]
                if r["n"] >= process.anonymity_threshold
            ],
        }
        for i, group in enumerate(data.get("groups", []))
    ]
    totals = data.get("totals", {})
    threshold = process.anonymity_threshold

    def with_totals(sid: Any) -> dict[str, Any]:
        agree, disagree, passed = totals.get(str(sid), [0, 0, 0])
        n = agree + disagree + passed
        if n < threshold:
            # Not a share, not a count: only that there are too few votes yet.
            return {"id": sid, "text": text(sid), "enough": False, "informed": None}
        return {
            "id": sid,
            "text": text(sid),
            "enough": True,
            "n": n,
            "agree": round(100 * agree / n),
            "disagree": round(100 * disagree / n),
            "pass": round(100 * passed / n),
            "informed": data.get("informed_consensus", {}).get(str(sid)),
        }

    sides = data.get("sides") or {"shown": False}
    score = data.get("stability")
    return MapView(
        map=found,
        data=data,
        # Read again and again while voting is open: whole batches of k only, so
        # one more voter (or one person's votes) cannot be read off two moments.
        counts={
            key: batched(int(data.get(key) or 0), threshold)
            for key in ("voters", "votes", "in_map")
        },
        ready=bool(data) and not data.get("too_few"),
        stale=bool(data) and data.get("threshold") != process.anonymity_threshold,
        updating=found.is_updating(),
        width=int(WIDTH),
        height=int(HEIGHT),
        points=[
            {"x": x, "y": y, "css": f"g{g}" if g >= 0 else "other"}
            for x, y, g in data.get("points", [])
        ],
        groups=groups,
        letters=LETTERS,
        stability=None
        if score is None or len(groups) < 2
        else {
            "score": score,
            "band": "stable"
            if score >= STABLE
            else ("fair" if score >= UNSTABLE else "unstable"),
            "resamples": STABILITY_RESAMPLES,
        },
        # Maps stored before the k-vote rule may list statements with fewer votes.
        consensus_agree=[
            row
            for s in data.get("consensus", {}).get("agree", [])
            if (row := with_totals(s))["enough"]
        ],
        consensus_disagree=[
            row
            for s in data.get("consensus", {}).get("disagree", [])
            if (row := with_totals(s))["enough"]
        ],
        divisive=[
            {
                **d,
                "text": text(d["id"]),
                "high_letter": LETTERS[d["high"]],
                "low_letter": LETTERS[d["low"]],
            }
            for d in data.get("divisive", [])
        ],
        sides={
            **sides,
            "statements": [
                {**s, "text": text(s["id"])} for s in sides.get("statements", [])
            ],
        },
        all_statements=sorted(
            (with_totals(sid) for sid in data.get("statement_ids", totals)),
            key=lambda s: (not s["enough"], -(s["informed"] or 0), int(s["id"])),
        ),
    )
