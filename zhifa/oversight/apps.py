from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "zhifa.oversight"
    label = "oversight"
    verbose_name = "执法监督"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The late fee stops while a reconsideration or lawsuit is pending (行政处罚法第七十三条):
        # cases computes it and cannot import oversight, so oversight hands it the pauses.
        from zhifa.cases import obligations
        from zhifa.oversight import remedies

        if remedies.paused not in obligations.LATE_FEE_PAUSES:
            obligations.LATE_FEE_PAUSES.append(remedies.paused)
        for relation in remedies.PAUSE_RELATIONS:  # what paused() reads: a list prefetches it
            if relation not in obligations.LATE_FEE_PAUSE_RELATIONS:
                obligations.LATE_FEE_PAUSE_RELATIONS.append(relation)
