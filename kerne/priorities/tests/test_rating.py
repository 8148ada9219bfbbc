from __future__ import annotations

from django.urls import reverse

from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.priorities.models import RatingQuestion
from kerne.priorities.services import (
    NoInitiatives,
    add_initiative,
    create_rating_round,
)
from kerne.processes.services import close_round, open_round
from kerne.testing import BaseTestCase, invitation
from kerne.themes.models import QuestionAnalysis
from kerne.themes.services import run_analysis


def rate(rating, key: str, choices: list[int]) -> None:
    """One respondent per entry in `choices`, rating the first initiative with that option."""
    link = rating.questions.filter(measure=RatingQuestion.Measure.RATING).first()
    for index in choices:
        respondent = start_respondent(invitation(rating.round, key))
        choice = link.question.choices[index]
        save_answers(respondent, {link.question: AnswerValue(choice=choice)})
        submit_respondent(respondent)


class CreateRatingTests(BaseTestCase):
    def test_it_needs_an_initiative(self):
        with self.assertRaises(NoInitiatives):
            create_rating_round(self.process, by=self.alice)

    def test_it_asks_a_rating_and_a_reason_per_initiative_with_invitations(self):
        add_initiative(self.process, by=self.alice, title="Madservice")
        add_initiative(self.process, by=self.alice, title="Tøjvask")
        rating = create_rating_round(self.process, by=self.alice)
        questions = list(rating.round.questions.order_by("order"))
        assert [q.kind for q in questions] == ["choice", "text", "choice", "text"]
        assert questions[0].choices == [
            "Prioritér op",
            "Behold",
            "Prioritér ned",
            "Ikke kerneopgave",
        ]
        assert rating.round.invitations.count() == self.process.groups.count()
        self.process.refresh_from_db()
        assert self.process.phase == "prioritering"

    def test_the_view_creates_it_and_outsiders_get_404(self):
        add_initiative(self.process, by=self.alice, title="Madservice")
        url = reverse("priorities:create_rating", args=[self.process.pk])
        self.client.force_login(self.charlie)
        assert self.client.post(url).status_code == 404
        self.client.force_login(self.alice)
        assert self.client.post(url).status_code == 302
        assert self.process.rounds.filter(rating__isnull=False).count() == 1


class RatingResultTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        add_initiative(cls.process, by=cls.alice, title="Madservice")
        cls.rating = create_rating_round(cls.process, by=cls.alice)
        open_round(cls.rating.round)
        k = cls.process.anonymity_threshold
        rate(cls.rating, "medarbejder", [0] * (k - 1) + [2])
        # Two respondents only: below k, alone and together with nobody.
        rate(cls.rating, "leder", [3, 3])
        close_round(cls.rating.round)
        cls.url = reverse("priorities:rating", args=[cls.rating.pk])

    def test_it_shows_the_distribution_and_agreement_of_a_large_group(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        result = r.context["page"].results[0]
        k = self.process.anonymity_threshold
        [unit] = result.units
        assert unit.label == "Medarbejder"
        assert [n for _, n in unit.distribution] == [k - 1, 0, 1, 0]
        assert unit.agreement == (k - 1) / k
        low, high = unit.interval
        assert low < unit.agreement < high

    def test_a_small_groups_ratings_are_visible_nowhere(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        result = r.context["page"].results[0]
        assert result.all_shown.answered == self.process.anonymity_threshold
        # "Not core task" came only from the two leaders: its count must stay 0 everywhere.
        assert all(u.distribution[3][1] == 0 for u in [*result.units, result.all_shown])
        assert not result.complete
        self.assertNotContains(r, "Leder")

    def test_outsiders_get_404(self):
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 404


REASONS = (
    "Borgerne bliver trygge, når maden kommer til tiden og de spiser sammen med andre.",
    "Maden er et måltid sammen med andre, og det giver tryghed og glæde i hverdagen.",
    "Det tager for lang tid for hjælperne at køre madkasserne ud om formiddagen.",
    "Køreturen med maden tager tid, som vi hellere vil bruge hos borgeren.",
)


class ReasonThemeTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        add_initiative(cls.process, by=cls.alice, title="Madservice")
        cls.rating = create_rating_round(cls.process, by=cls.alice)
        open_round(cls.rating.round)
        rating_q, reason_q = (
            link.question
            for link in cls.rating.questions.order_by("measure").select_related(
                "question"
            )
        )
        k = cls.process.anonymity_threshold
        for i in range(3 * k):
            respondent = start_respondent(invitation(cls.rating.round, "medarbejder"))
            save_answers(
                respondent,
                {
                    rating_q: AnswerValue(choice=rating_q.choices[i % 2]),
                    reason_q: AnswerValue(text=f"{REASONS[i % 4]} ({i})"),
                },
            )
            submit_respondent(respondent)
        close_round(cls.rating.round)
        run_analysis(cls.rating.round, words_only=True)

    def test_the_reasons_are_themed_on_the_rating_page_and_beside_the_decision(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:rating", args=[self.rating.pk]))
        result = r.context["page"].results[0]
        assert result.reasons is not None
        sizes = [n for _label, n in result.reasons.themes]
        assert sum(sizes) <= 3 * self.process.anonymity_threshold and len(sizes) >= 1
        self.assertContains(r, "Temaer i begrundelserne:")
        theme_url = reverse("themes:question", args=[result.reasons.question_id])
        self.assertContains(r, theme_url)
        r = self.client.get(reverse("priorities:process", args=[self.process.pk]))
        self.assertContains(r, theme_url)
        assert r.context["page"].rows[0].rating.reasons == result.reasons

    def test_before_the_analysis_no_themes_are_shown(self):
        QuestionAnalysis.objects.all().delete()
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:rating", args=[self.rating.pk]))
        assert r.context["page"].results[0].reasons is None
        self.assertNotContains(r, "Temaer i begrundelserne:")
