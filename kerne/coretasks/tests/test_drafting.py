from __future__ import annotations

import re

from django.urls import reverse

from kerne.coretasks.models import Comment, Version
from kerne.coretasks.testing import TEXTS, make_version
from kerne.testing import BaseTestCase, add_respondents


def draft_data(statement: str = "Vi skaber tryghed sammen med borgeren.", **texts):
    return {"statement": statement, **TEXTS, **texts}


class DraftTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.url = reverse("coretasks:draft", args=[cls.process.pk])

    def test_it_shows_the_editor_with_what_people_said(self):
        add_respondents(self.round, "medarbejder", 5, text="Faste hjælpere giver ro")
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        self.assertContains(r, "Faste hjælpere giver ro")

    def test_it_never_quotes_a_group_below_the_threshold(self):
        add_respondents(self.round, "borger", 2, text="Hemmelig lille gruppe")
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        self.assertNotContains(r, "Hemmelig lille gruppe")

    def test_every_save_is_a_new_version(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url, draft_data())
        self.assertRedirects(r, self.url)
        r = self.client.post(self.url, draft_data("Vi skaber tryghed med borgeren."))
        self.assertRedirects(r, self.url)
        versions = list(Version.objects.filter(process=self.process).order_by("number"))
        assert [v.number for v in versions] == [1, 2]
        assert versions[1].author == self.alice
        assert versions[1].based_on == versions[0]

    def test_it_refuses_an_unchanged_save(self):
        make_version(self.process, by=self.alice, statement="Uændret.")
        self.client.force_login(self.alice)
        r = self.client.post(self.url, draft_data("Uændret."))
        assert r.status_code == 400
        assert Version.objects.filter(process=self.process).count() == 1

    def test_it_needs_a_statement(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url, draft_data(""))
        assert r.status_code == 400
        assert not Version.objects.exists()

    def test_it_hides_the_editor_from_outsiders(self):
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 404
        assert self.client.post(self.url, draft_data()).status_code == 404


class CompareTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.v1 = make_version(
            cls.process, by=cls.alice, statement="Vi hjælper borgeren."
        )
        cls.v2 = make_version(cls.process, by=cls.bob, statement="Vi støtter borgeren.")
        cls.url = reverse("coretasks:versions", args=[cls.process.pk])

    def test_it_compares_two_versions_word_by_word(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url, {"old": 1, "new": 2})
        assert r.status_code == 200
        html = r.content.decode()
        # Each change carries a hidden text label for screen readers.
        assert re.search(r'<del><span class="sr-only">\[[^<]+</span>hjælper\s?<', html)
        assert re.search(r'<ins><span class="sr-only">\[[^<]+</span>støtter\s?<', html)

    def test_it_offers_the_latest_two_by_default(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        assert r.context["form"]["old"].value() == 1

    def test_it_rejects_post(self):
        self.client.force_login(self.alice)
        assert self.client.post(self.url).status_code == 405

    def test_it_hides_versions_from_outsiders(self):
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 404
        version_url = reverse("coretasks:version", args=[self.v1.pk])
        assert self.client.get(version_url).status_code == 404


class CommentTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.version = make_version(cls.process, by=cls.alice)
        cls.url = reverse("coretasks:comment_add", args=[cls.version.pk])

    def test_a_member_comments(self):
        self.client.force_login(self.bob)
        r = self.client.post(self.url, {"text": "Mangler borgerens ord."})
        self.assertRedirects(r, self.version.get_absolute_url())
        comment = Comment.objects.get()
        assert comment.author == self.bob
        r = self.client.get(self.version.get_absolute_url())
        self.assertContains(r, "Mangler borgerens ord.")

    def test_htmx_gets_the_comments_back(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            self.url, {"text": "Godt."}, headers={"HX-Request": "true"}
        )
        assert r.status_code == 200
        self.assertContains(r, 'id="comments"')
        self.assertNotContains(r, "<html")

    def test_an_empty_comment_is_refused(self):
        self.client.force_login(self.alice)
        assert self.client.post(self.url, {"text": ""}).status_code == 400
        assert not Comment.objects.exists()

    def test_it_rejects_get_and_outsiders(self):
        self.client.force_login(self.alice)
        assert self.client.get(self.url).status_code == 405
        self.client.force_login(self.charlie)
        assert self.client.post(self.url, {"text": "x"}).status_code == 404
