"""Supervision of enforcement (Part VI of the Decision): alerts computed from the live
records, 督办, the regulated parties' ratings, case-file review and accountability."""
