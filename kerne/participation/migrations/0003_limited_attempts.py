from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0002_receipt_lookup_failures"),
    ]

    operations = [
        migrations.RenameModel("ReceiptLookupFailure", "LimitedAttempt"),
        migrations.AlterModelOptions(
            name="limitedattempt",
            options={
                "verbose_name": "limited attempt",
                "verbose_name_plural": "limited attempts",
            },
        ),
        migrations.AddField(
            model_name="limitedattempt",
            name="scope",
            field=models.CharField(default="receipt", max_length=20),
        ),
    ]
