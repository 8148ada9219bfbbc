from __future__ import annotations

from django.contrib.auth.models import User
from django.urls import reverse

from kerne.organisations.models import Membership
from kerne.testing import BaseTestCase


class MemberTests(BaseTestCase):
    def setUp(self):
        self.url = reverse("organisations:members", args=[self.organisation.slug])

    def test_an_administrator_creates_a_user_with_a_one_time_password(self):
        self.client.force_login(self.bob)
        r = self.client.post(
            self.url,
            {"username": "dorte", "first_name": "Dorte", "role": "facilitator"},
        )
        assert r.status_code == 200
        user = User.objects.get(username="dorte")
        password = r.context["new_password"]
        assert user.check_password(password)
        assert user.memberships.get().organisation == self.organisation
        self.assertContains(r, password)

    def test_a_taken_user_name_is_refused(self):
        self.client.force_login(self.bob)
        r = self.client.post(
            self.url, {"username": "ALICE", "first_name": "A", "role": "facilitator"}
        )
        assert r.status_code == 400
        assert r.context["form"].errors["username"]

    def test_a_facilitator_cannot_manage_members(self):
        self.client.force_login(self.alice)
        assert self.client.get(self.url).status_code == 404
        membership = self.bob.memberships.get()
        r = self.client.post(
            reverse("organisations:member_remove", args=[membership.pk])
        )
        assert r.status_code == 404
        assert Membership.objects.filter(pk=membership.pk).exists()

    def test_the_last_administrator_stays(self):
        self.client.force_login(self.bob)
        membership = self.bob.memberships.get()
        self.client.post(
            reverse("organisations:member_role", args=[membership.pk]),
            {"role": "facilitator"},
        )
        membership.refresh_from_db()
        assert membership.role == Membership.Role.ADMINISTRATOR
        self.client.post(reverse("organisations:member_remove", args=[membership.pk]))
        assert Membership.objects.filter(pk=membership.pk).exists()

    def test_roles_change_and_members_go(self):
        self.client.force_login(self.bob)
        alice = self.alice.memberships.get()
        self.client.post(
            reverse("organisations:member_role", args=[alice.pk]),
            {"role": "administrator"},
        )
        alice.refresh_from_db()
        assert alice.role == Membership.Role.ADMINISTRATOR
        self.client.post(reverse("organisations:member_remove", args=[alice.pk]))
        assert not Membership.objects.filter(pk=alice.pk).exists()

    def test_an_unknown_role_is_refused(self):
        self.client.force_login(self.bob)
        alice = self.alice.memberships.get()
        self.client.post(
            reverse("organisations:member_role", args=[alice.pk]), {"role": "king"}
        )
        alice.refresh_from_db()
        assert alice.role == Membership.Role.FACILITATOR


class PasswordChangeTests(BaseTestCase):
    def test_a_user_changes_their_password(self):
        self.client.force_login(self.alice)
        url = reverse("password_change")
        assert self.client.get(url).status_code == 200
        r = self.client.post(
            url,
            {
                "old_password": "correct-horse-battery",
                "new_password1": "en-lang-ny-adgangskode-42",
                "new_password2": "en-lang-ny-adgangskode-42",
            },
        )
        assert r.status_code == 302
        self.alice.refresh_from_db()
        assert self.alice.check_password("en-lang-ny-adgangskode-42")
