"""``python -m bot`` does what ``marelan-bot`` does."""

import sys

from bot.cli import main

sys.exit(main())
