from __future__ import annotations

from django.urls import reverse

from kerne.organisations.models import Unit
from kerne.testing import BaseTestCase


class HomeTests(BaseTestCase):
    def test_a_member_of_one_organisation_goes_straight_to_it(self):
        self.client.force_login(self.alice)
        self.assertRedirects(
            self.client.get(reverse("organisations:home")),
            self.organisation.get_absolute_url(),
        )

    def test_the_organisation_page_lists_units_and_processes(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.organisation.get_absolute_url())
        self.assertContains(r, self.unit.name)
        self.assertContains(r, self.process.title)
        self.assertNotContains(r, self.other_unit.name)

    def test_the_front_page_shows_demo_logins_only_in_demo_mode(self):
        with self.settings(DEMO_MODE=False):
            assert "kerne-demo" not in self.client.get("/").content.decode()
        with self.settings(DEMO_MODE=True):
            assert "kerne-demo" in self.client.get("/").content.decode()


class UnitTests(BaseTestCase):
    def test_an_administrator_adds_a_unit_under_another(self):
        self.client.force_login(self.bob)
        url = reverse("organisations:unit_add", args=[self.organisation.slug])
        r = self.client.post(
            url,
            {"name": "Hjemmeplejen Vest", "kind": "workplace", "parent": self.unit.pk},
        )
        self.assertRedirects(r, self.organisation.get_absolute_url())
        assert Unit.objects.get(name="Hjemmeplejen Vest").parent == self.unit

    def test_a_facilitator_cannot_manage_units(self):
        self.client.force_login(self.alice)
        assert (
            self.client.get(
                reverse("organisations:unit_add", args=[self.organisation.slug])
            ).status_code
            == 404
        )
        assert (
            self.client.get(
                reverse("organisations:unit_edit", args=[self.unit.pk])
            ).status_code
            == 404
        )

    def test_a_unit_cannot_be_placed_under_itself_or_another_organisation(self):
        self.client.force_login(self.bob)
        url = reverse("organisations:unit_edit", args=[self.unit.pk])
        r = self.client.post(
            url, {"name": "X", "kind": "workplace", "parent": self.unit.pk}
        )
        assert r.status_code == 200 and r.context["form"].errors["parent"]
        r = self.client.post(
            url, {"name": "X", "kind": "workplace", "parent": self.other_unit.pk}
        )
        assert r.status_code == 200 and r.context["form"].errors["parent"]

    def test_it_refuses_a_duplicate_name_in_the_same_place(self):
        self.client.force_login(self.bob)
        url = reverse("organisations:unit_add", args=[self.organisation.slug])
        r = self.client.post(url, {"name": self.unit.name.upper(), "kind": "workplace"})
        assert r.status_code == 200 and r.context["form"].errors["name"]


class AdminLinkTests(BaseTestCase):
    def test_only_administrators_see_unit_management(self):
        self.client.force_login(self.alice)
        assert (
            reverse("organisations:unit_add", args=[self.organisation.slug])
            not in self.client.get(
                self.organisation.get_absolute_url()
            ).content.decode()
        )
        self.client.force_login(self.bob)
        self.assertContains(
            self.client.get(self.organisation.get_absolute_url()),
            reverse("organisations:unit_add", args=[self.organisation.slug]),
        )


class ErrorPageTests(BaseTestCase):
    def test_404_has_the_site_chrome(self):
        r = self.client.get("/s/no-such-token/")
        assert r.status_code == 404
        self.assertContains(r, 'id="main-content"', status_code=404)
        self.assertContains(r, "skipnav", status_code=404)

    def test_500_template_renders_without_a_request(self):
        from django.template.loader import render_to_string

        assert "main-content" in render_to_string("500.html")
