"""Every suite module is shaped the same way: OCA manifest keys, the
dependency chain of the suite, readme fragments, icon, access rights and a
complete zh_CN translation (X4)."""

import ast
import csv
import re

import gen_module_readmes
import polib
import pytest

CHAIN = {
    "aftersales_warranty": {"stock", "crm", "portal", "hr", "account"},
    "aftersales_repair": {"aftersales_warranty", "repair", "hr", "resource"},
    "aftersales_complaint": {"aftersales_repair"},
    "aftersales_survey": {"aftersales_complaint", "survey"},
    "aftersales_helpdesk": {"aftersales_complaint", "helpdesk_mgmt"},
}
PLACEHOLDER = re.compile(r"%\(\w+\)s|%[sd]|\{\{.*?\}\}")


def manifest(root, module):
    return ast.literal_eval((root / "addons" / module / "__manifest__.py").read_text())


def test_suite_modules_are_all_there(root):
    found = {p.name for p in (root / "addons").iterdir() if p.name.startswith("aftersales_")}
    assert found == set(CHAIN)


@pytest.mark.parametrize("module", sorted(CHAIN))
def test_manifest(root, module):
    data = manifest(root, module)
    assert data["license"] == "LGPL-3"
    assert re.fullmatch(r"19\.0\.\d+\.\d+\.\d+", data["version"])
    assert set(data["depends"]) == CHAIN[module], "each module has only its own dependencies"
    for path in data.get("data", []) + data.get("demo", []):
        assert (root / "addons" / module / path).is_file(), path
    assert (root / "addons" / module / "static/description/icon.png").is_file()
    assert data.get("auto_install", False) == (module == "aftersales_helpdesk")


@pytest.mark.parametrize("module", sorted(CHAIN))
def test_readme_fragments(root, module):
    readme = root / "addons" / module / "readme"
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md", "CONTRIBUTORS.md"):
        assert (readme / fragment).is_file(), fragment


def test_readme_rst_up_to_date():
    assert gen_module_readmes.main(check=True) == [], "run scripts/gen_module_readmes.py"


@pytest.mark.parametrize("module", sorted(CHAIN))
def test_zh_cn_translation_complete(root, module):
    po = polib.pofile(str(root / "addons" / module / "i18n" / "zh_CN.po"))
    assert po.metadata.get("Language") == "zh_CN"
    untranslated = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert not untranslated, f"X4: {module} has untranslated terms: {untranslated[:5]}"
    for entry in po:
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), f"placeholders differ in {entry.msgid!r}"


@pytest.mark.parametrize("module", sorted(CHAIN))
def test_access_rules_name_existing_groups(root, module):
    path = root / "addons" / module / "security" / "ir.model.access.csv"
    if module == "aftersales_helpdesk":
        assert not path.exists(), "the bridge adds no model"
        return
    groups = {
        "base.group_user",
        "base.group_portal",
        "sales_team.group_sale_salesman",
        "stock.group_stock_user",
        "stock.group_stock_manager",
        "account.group_account_invoice",
    }
    security = (root / "addons/aftersales_warranty/security/aftersales_security.xml").read_text()
    groups |= {
        f"aftersales_warranty.{g}" for g in re.findall(r'id="(group_aftersales_\w+)"', security)
    }
    with path.open() as f:
        rows = list(csv.DictReader(f))
    assert rows
    for row in rows:
        group = row["group_id:id"]
        if module == "aftersales_warranty" and group.startswith("group_"):
            group = f"aftersales_warranty.{group}"
        assert group in groups, f"{row['id']}: unknown group {group}"
