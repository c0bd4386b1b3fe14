from fazhi.enforcement.urls_rules import public_urlpatterns

app_name = "enforcement_public"

# The published 裁量基准 (行政处罚法 第三十四条) at /enforcement/discretion/.
urlpatterns: list = [*public_urlpatterns]
