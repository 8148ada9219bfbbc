from __future__ import annotations

from django.urls import reverse

from kerne.participation.reporting import answer_key
from kerne.themes import services
from kerne.themes.models import Analysis, QuestionAnalysis, ThemeEdit
from kerne.themes.tasks import run_round_analysis
from kerne.themes.tests.helpers import AnalysedTestCase


class EditTests(AnalysedTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.alice)

    def post(self, name, data, **kwargs):
        return self.client.post(reverse(name, args=[self.value.pk]), data, **kwargs)

    def keys(self, answers):
        """How the theme page names answers: by key, never by id."""
        return [answer_key(self.value.pk, a) for a in answers]

    def ids(self, qa=None):
        return [t["id"] for t in (qa or self.qa()).themes if not t["bucket"]]

    def answers_in(self, theme_id, qa=None):
        qa = qa or self.qa()
        return sorted(
            int(a) for a, p in qa.assignments.items() if p["theme"] == theme_id
        )

    def test_it_renames_and_describes(self):
        first = self.ids()[0]
        r = self.post(
            "themes:edit",
            {
                "theme": first,
                "label": "Tryghed i hjemmet",
                "description": "Kendte ansigter.",
            },
        )
        assert r.status_code == 302
        theme = self.qa().theme(first)
        assert theme["label"] == "Tryghed i hjemmet"
        assert theme["description"] == "Kendte ansigter."
        kinds = list(ThemeEdit.objects.values_list("kind", "author"))
        assert kinds == [("rename", self.alice.pk), ("describe", self.alice.pk)]

    def test_it_renames_with_htmx(self):
        first = self.ids()[0]
        r = self.post(
            "themes:edit",
            {"theme": first, "label": "Nyt navn", "description": ""},
            headers={"HX-Request": "true"},
        )
        assert r.status_code == 200
        assert "<html" not in r.content.decode()
        self.assertContains(r, 'value="Nyt navn"')

    def test_it_refuses_an_empty_name(self):
        first = self.ids()[0]
        r = self.post("themes:edit", {"theme": first, "label": "  ", "description": ""})
        assert r.status_code == 400
        assert r.context["theme_form"].errors["label"]
        assert self.qa().theme(first)["label"] != ""
        assert not ThemeEdit.objects.exists()

    def test_it_merges(self):
        a, b = self.ids()[:2]
        moved = self.answers_in(a) + self.answers_in(b)
        r = self.post("themes:merge", {"themes": [a, b], "label": "Samlet"})
        assert r.status_code == 302
        qa = self.qa()
        assert b not in self.ids(qa)
        assert qa.theme(a)["label"] == "Samlet"
        assert self.answers_in(a, qa) == sorted(moved)
        assert qa.theme(a)["size"] == len(moved)
        assert qa.figures["diffusion"]["n_themes"] == len(self.ids(qa)) + 1

    def test_it_refuses_to_merge_one_theme(self):
        r = self.post("themes:merge", {"themes": [self.ids()[0]], "label": ""})
        assert r.status_code == 400
        assert r.context["merge_form"].errors["themes"]
        assert not ThemeEdit.objects.exists()

    def test_it_splits(self):
        source = self.ids()[0]
        chosen = self.answers_in(source)[:2]
        r = self.post(
            "themes:split",
            {
                "answers": self.keys(chosen),
                "label": "Faste hjælpere",
                "source": source,
            },
        )
        assert r.status_code == 302
        qa = self.qa()
        new = [t for t in qa.themes if t["label"] == "Faste hjælpere"][0]
        assert self.answers_in(new["id"], qa) == chosen
        assert new["examples"] == chosen
        assert qa.themes[-1]["id"] == "intet-svar"

    def test_it_refuses_a_split_without_a_name_or_answers(self):
        source = self.ids()[0]
        r = self.post("themes:split", {"answers": [], "label": "", "source": source})
        assert r.status_code == 400
        errors = r.context["answers_form"].errors
        assert errors["answers"] and errors["label"]

    def test_it_deletes_into_andet(self):
        gone = self.ids()[0]
        answers = self.answers_in(gone)
        r = self.post("themes:delete", {"theme": gone})
        assert r.status_code == 302
        qa = self.qa()
        assert gone not in self.ids(qa)
        assert set(answers) <= set(self.answers_in("andet", qa))

    def test_it_moves_an_answer(self):
        a, b = self.ids()[:2]
        answer = self.answers_in(a)[0]
        r = self.post(
            "themes:move", {"answers": self.keys([answer]), "target": b, "source": a}
        )
        assert r.status_code == 302
        assert answer in self.answers_in(b)
        assert self.qa().assignments[str(answer)]["clear"] is True

    def test_it_refuses_a_theme_of_another_round(self):
        other_round = services.text_questions(self.round)[1]
        other_theme = QuestionAnalysis.objects.get(question=other_round).themes[0]["id"]
        assert other_theme not in self.ids()
        answer = self.answers_in(self.ids()[0])[0]
        r = self.post(
            "themes:move",
            {
                "answers": self.keys([answer]),
                "target": other_theme,
                "source": self.ids()[0],
            },
        )
        assert r.status_code == 400
        assert r.context["answers_form"].errors["target"]

    def test_it_refuses_an_answer_of_another_question(self):
        other = QuestionAnalysis.objects.get(question__dimension="ambition")
        foreign = int(next(iter(other.assignments)))
        for named in (
            str(foreign),
            answer_key(other.question_id, foreign),
            self.keys([foreign])[0],
        ):
            r = self.post(
                "themes:move",
                {"answers": [named], "target": self.ids()[0], "source": self.ids()[0]},
            )
            assert r.status_code == 400
            assert r.context["answers_form"].errors["answers"]

    def test_it_refuses_an_answer_named_by_its_id(self):
        answer = self.answers_in(self.ids()[0])[0]
        r = self.post(
            "themes:move",
            {
                "answers": [str(answer)],
                "target": self.ids()[1],
                "source": self.ids()[0],
            },
        )
        assert r.status_code == 400
        assert answer in self.answers_in(self.ids()[0])

    def test_it_refuses_junk_without_a_500(self):
        for name in (
            "themes:edit",
            "themes:merge",
            "themes:split",
            "themes:move",
            "themes:delete",
        ):
            r = self.post(
                name,
                {
                    "theme": "nope",
                    "themes": ["x", "y"],
                    "answers": ["a"],
                    "target": "?",
                },
            )
            assert r.status_code in (302, 400), name
        assert not ThemeEdit.objects.exists()

    def test_it_waits_while_the_analysis_runs(self):
        Analysis.objects.filter(round=self.round).update(status=Analysis.Status.RUNNING)
        r = self.post("themes:delete", {"theme": self.ids()[0]}, follow=True)
        assert not ThemeEdit.objects.exists()
        assert list(r.context["messages"])

    def test_it_lists_the_history(self):
        first = self.ids()[0]
        self.post(
            "themes:edit", {"theme": first, "label": "Nyt navn", "description": ""}
        )
        r = self.client.get(reverse("themes:question", args=[self.value.pk]))
        assert [e.kind for e in r.context["edits"]] == ["rename"]
        self.assertContains(r, "Nyt navn")


class RerunTests(AnalysedTestCase):
    def test_edits_survive_a_rerun(self):
        qa = self.qa()
        ids = [t["id"] for t in qa.themes if not t["bucket"]]
        assert len(ids) >= 3
        a, b, c = ids[:3]
        moved_answer = next(
            int(k) for k, p in qa.assignments.items() if p["theme"] == a
        )
        services.edit_theme(
            qa, a, label="Tryghed", description="Kendte ansigter", by=self.alice
        )
        services.move_answers(self.qa(), [moved_answer], c, by=self.alice)
        services.merge_themes(self.qa(), [b, c], label="Samlet", by=self.alice)
        split_from = next(
            int(k) for k, p in self.qa().assignments.items() if p["theme"] == a
        )
        services.split_theme(self.qa(), [split_from], label="Egen", by=self.alice)

        assert run_round_analysis.call(self.round.pk) == "done"

        qa = self.qa()
        assert qa.guided
        labels = {t["id"]: t["label"] for t in qa.themes}
        assert labels[a] == "Tryghed"
        assert qa.theme(a)["description"] == "Kendte ansigter"
        assert labels[b] == "Samlet"
        assert c not in labels
        # The moved answer followed its theme into the merge; the split answer stayed put.
        assert qa.assignments[str(moved_answer)]["theme"] == b
        egen = [t for t in qa.themes if t["label"] == "Egen"][0]
        assert qa.assignments[str(split_from)]["theme"] == egen["id"]
        assert ThemeEdit.objects.count() == 5

    def test_a_deleted_theme_stays_deleted(self):
        qa = self.qa()
        gone = [t["id"] for t in qa.themes if not t["bucket"]][0]
        services.delete_theme(qa, gone, by=self.alice)
        run_round_analysis.call(self.round.pk)
        assert self.qa().theme(gone) is None


class ErrorSummaryTests(AnalysedTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.alice)

    def test_the_links_of_a_failed_move_and_merge_land_on_a_box(self):
        qa = QuestionAnalysis.objects.get(question=self.value)
        source = next(t["id"] for t in qa.themes if not t["bucket"])
        for name, data, box in (
            ("themes:move", {"source": source, "target": source}, "id_answers_0"),
            ("themes:merge", {}, "id_themes_0"),
        ):
            r = self.client.post(reverse(name, args=[self.value.pk]), data)
            assert r.status_code == 400
            self.assertContains(r, f'href="#{box}"', status_code=400)
            self.assertContains(r, f'id="{box}"', status_code=400)

    def test_the_theme_form_and_the_split_form_keep_their_ids_apart(self):
        qa = QuestionAnalysis.objects.get(question=self.value)
        source = next(t["id"] for t in qa.themes if not t["bucket"])
        r = self.client.get(
            reverse("themes:theme", args=[self.value.pk]), {"tema": source}
        )
        self.assertContains(r, 'id="id_label"', count=1)
        self.assertContains(r, 'id="id_theme_label"', count=1)
