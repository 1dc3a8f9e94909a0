"""PostgreSQL, with databases (the test database included) created with a UTF-8
locale: trigram search and sorting of Chinese text need it."""

from django.db.backends.postgresql import base, creation


class DatabaseCreation(creation.DatabaseCreation):
    def sql_table_creation_suffix(self):
        suffix = super().sql_table_creation_suffix()
        return f"{suffix} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'".strip()


class DatabaseWrapper(base.DatabaseWrapper):
    creation_class = DatabaseCreation
