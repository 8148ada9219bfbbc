from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0001_add_statements_and_votes"),
    ]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="vote_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
