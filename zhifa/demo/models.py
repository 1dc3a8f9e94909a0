"""The mark that the demo data is loaded, so ``zhifa demo`` loads it only once."""

from django.db import models


class DemoLoad(models.Model):
    """One row: when the demo data was loaded and what it holds."""

    loaded_at = models.DateTimeField("载入时间", auto_now_add=True)
    summary = models.JSONField("载入内容", default=dict)

    class Meta:
        verbose_name = verbose_name_plural = "演示数据载入记录"

    def __str__(self) -> str:
        return f"演示数据（{self.loaded_at:%Y-%m-%d %H:%M}）"
