"""Pure rules for 重大行政决策, 法律顾问 opinions and 公平竞争审查 (no Django)."""
