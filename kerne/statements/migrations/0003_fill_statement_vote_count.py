from __future__ import annotations

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def forward(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Statement = apps.get_model("statements", "Statement")
    Vote = apps.get_model("statements", "Vote")
    counts = (
        Vote.objects.filter(statement=OuterRef("pk"))
        .order_by()
        .values("statement")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Statement.objects.update(vote_count=Coalesce(Subquery(counts), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_add_statement_vote_count"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
