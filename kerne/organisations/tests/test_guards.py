"""A unit's parent stays in the organisation and never below the unit itself."""

from __future__ import annotations

from kerne.organisations.models import Unit
from kerne.organisations.services import InvalidParent, add_unit, update_unit
from kerne.testing import BaseTestCase


class UnitParentTests(BaseTestCase):
    def test_a_unit_is_not_moved_below_its_own_child(self):
        child = add_unit(self.organisation, name="Team Øst", parent=self.unit)
        with self.assertRaises(InvalidParent):
            update_unit(
                self.unit, name=self.unit.name, kind=self.unit.kind, parent=child
            )
        self.unit.refresh_from_db()
        assert self.unit.parent is None

    def test_a_parent_comes_from_the_same_organisation(self):
        with self.assertRaises(InvalidParent):
            add_unit(self.organisation, name="Team Vest", parent=self.other_unit)
        assert not Unit.objects.filter(name="Team Vest").exists()
