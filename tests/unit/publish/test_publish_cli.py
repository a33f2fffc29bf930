"""`territorio publish` as a command: it writes the folder, says where and how big, and refuses what it cannot do
with one line naming the problem."""

from territorio.publish import folder


def test_publish_writes_the_folder_and_says_so(cli, tmp_path, joined):
    ran = cli("publish", "--out", tmp_path / "map", "--area", "Cota 905", "--lang", "es", "--title", "Cota 905")
    assert ran.code == 0, ran.err
    assert "17 files" in ran.out and f"{len(joined)} incidents" in ran.out and "README.txt" in ran.out
    page = (tmp_path / "map" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page and "<title>Cota 905</title>" in page
    assert (tmp_path / "map" / folder.DATA_FILE).stat().st_size > 0


def test_publish_an_imported_file_with_the_catalog(cli, tmp_path):
    from tests import FIXTURES

    ran = cli("publish", "--out", tmp_path, "--data", FIXTURES / "good_en.csv", "--with-catalog")
    assert ran.code == 0, ran.err
    assert "incidents;" in ran.out and "44 incidents" not in ran.out


def test_publish_refuses_what_it_cannot_do(cli, tmp_path):
    bad = cli("publish", "--out", tmp_path, "--area", "Atlantis")
    assert bad.code == 2 and "territorio publish: unknown area 'Atlantis'" in bad.err
    assert cli("publish", "--out", tmp_path, "--with-catalog").code == 2
    bad = cli("publish", "--out", tmp_path, "--synthetic", "0")
    assert bad.code == 2 and "--synthetic needs a positive number" in bad.err
    assert not (tmp_path / "index.html").exists()
