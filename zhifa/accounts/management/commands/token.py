from django.core.management.base import BaseCommand, CommandError

from zhifa.accounts import services
from zhifa.accounts.models import User


class Command(BaseCommand):
    help = "API 令牌：zhifa token create USERNAME [--name 用途] 打印一个新令牌（仅显示一次）。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="为用户签发令牌")
        create.add_argument("username")
        create.add_argument("--name", default="")

    def handle(self, *args, action, username, name="", **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"没有用户 {username}") from None
        self.stdout.write(services.token_create(actor=None, user=user, name=name))
