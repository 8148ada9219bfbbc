from __future__ import annotations

import numpy as np
from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from kerne.analysis.opinions import entry_votes


def forward(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Replay each process's votes in the order cast and flag the vote that let each voter in.

    The statements there were at a vote's time are taken as those voted on so
    far, as Polis does; new votes compare with the published statements.
    """
    Vote = apps.get_model("statements", "Vote")
    processes = Vote.objects.values_list("statement__process_id", flat=True).distinct()
    for process_id in processes.order_by():
        rows = list(
            Vote.objects.filter(statement__process_id=process_id)
            .order_by("pk")
            .values_list("pk", "respondent_id", "statement_id")
        )
        table = np.array(rows, dtype=np.int64).reshape(-1, 3)
        entered = entry_votes(table[:, 1], table[:, 2])
        flagged = table[entered, 0].tolist()
        for start in range(0, len(flagged), 500):
            Vote.objects.filter(pk__in=flagged[start : start + 500]).update(
                entered_map=True
            )


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0004_add_vote_entered_map"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
