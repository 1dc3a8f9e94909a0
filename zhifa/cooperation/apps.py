from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "zhifa.cooperation"
    label = "cooperation"
    verbose_name = "执法协作"

    def ready(self):
        # An on-site inspection recorded in a case counts against the annual cap (D2.1): cases
        # records it and cannot import cooperation, so cooperation hands it the count.
        from zhifa.cases import visits
        from zhifa.cooperation import facts

        if facts.case_inspection_cap not in visits.INSPECTION_CAP:
            visits.INSPECTION_CAP.append(facts.case_inspection_cap)
