"""``python -m bot`` does what ``marelan-bot`` does."""

import sys

from bot.core.cli import main

sys.exit(main())
