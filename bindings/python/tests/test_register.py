"""The register from Python: every operation by its Rust name, errors, workflows, the audit
log and the journal."""

from __future__ import annotations

import json
import pickle
import uuid
from pathlib import Path
from typing import Any

import pytest
from conftest import bsn, klantcontact, medewerker, persoon

import klantinteracties as ki


def test_every_operation_and_workflow_is_a_method() -> None:
    for op in ki.operaties():
        assert callable(getattr(ki.Register, op["naam"]))
        assert callable(getattr(ki.Transactie, op["naam"]))
    for flow in ki.workflows():
        assert callable(getattr(ki.Register, flow["naam"]))
    assert ki.Register.registreer_partij.__doc__.startswith("F7554 Registreer partij")


def test_partij_round_trip(register: ki.Register, partij_doc: dict[str, Any]) -> None:
    created = register.registreer_partij(partij_doc)
    assert created["soortPartij"] == "persoon"
    assert created["url"].endswith(f"/partijen/{created['uuid']}")
    fetched = register.vraag_partij_op(created["uuid"])
    assert fetched == created
    assert register.vraag_partij_op(uuid.UUID(created["uuid"])) == created

    changed = register.wijzig_partij_deels(created["uuid"], {"indicatieActief": False})
    assert changed["indicatieActief"] is False
    assert register.vraag_partij_op(created["uuid"])["indicatieActief"] is False

    register.verwijder_partij(created["uuid"])
    with pytest.raises(ki.NotFound) as caught:
        register.vraag_partij_op(created["uuid"])
    assert isinstance(caught.value, LookupError)
    assert caught.value.status == 404
    assert caught.value.kind == "not_found"


def test_bodies_as_bytes_and_str(register: ki.Register) -> None:
    a = register.registreer_partij(json.dumps(persoon(bsn(1))).encode())
    b = register.registreer_partij(json.dumps(persoon(bsn(2))))
    assert register.zoek_partij()["count"] == 2
    assert a["uuid"] != b["uuid"]
    with pytest.raises(ki.ValidationError) as caught:
        register.registreer_partij(b"{")
    assert caught.value.invalid_params[0]["code"] == "parse_error"


def test_search_filters_and_pagination(register: ki.Register) -> None:
    for n in range(5):
        register.registreer_partij(persoon(bsn(n), indicatieActief=n % 2 == 0))
    assert register.zoek_partij()["count"] == 5
    found = register.zoek_partij(partijIdentificator__objectId=bsn(3))
    assert found["count"] == 1
    assert found["results"][0]["partijIdentificatoren"]
    assert register.zoek_partij(indicatieActief=True)["count"] == 3
    page = register.zoek_partij(page=2, page_size=2)
    assert page["count"] == 5 and len(page["results"]) == 2
    assert page["next"] and page["previous"]
    assert len(list(register.zoek_alle("partijen", page_size=2))) == 5
    with pytest.raises(ki.ValidationError) as caught:
        register.zoek_partij(bestaatNiet="x")
    assert caught.value.kind == "query"


def test_an_id_that_is_not_a_uuid_names_nothing(register: ki.Register) -> None:
    # As Open Klant answers GET /partijen/geen-uuid: 404, not a validation error.
    with pytest.raises(ki.NotFound) as caught:
        register.vraag_partij_op("geen-uuid")
    assert caught.value.status == 404
    assert caught.value.problem["detail"] == "Niet gevonden."
    with pytest.raises(ki.NotFound):
        register.aanroep("patch", "partijen", "geen-uuid", {"indicatieActief": False})


def test_a_page_past_the_last_is_not_found(register: ki.Register) -> None:
    register.registreer_partij(persoon())
    assert register.zoek_partij(page=1)["count"] == 1
    for page in (2, 0):
        with pytest.raises(ki.NotFound) as caught:
            register.zoek_partij(page=page)
        assert caught.value.problem["detail"] == "Ongeldige pagina."
    # A page size of 0 is the default, as Open Klant reads it.
    assert register.zoek_partij(page_size=0)["count"] == 1


def test_responses_are_complete_and_in_the_api_order(register: ki.Register) -> None:
    partij = register.registreer_partij({"soortPartij": "persoon", "indicatieActief": True})
    assert list(partij) == [
        "uuid", "url", "nummer", "interneNotitie", "betrokkenen", "categorieRelaties",
        "digitaleAdressen", "voorkeursDigitaalAdres", "vertegenwoordigden", "rekeningnummers",
        "voorkeursRekeningnummer", "partijIdentificatoren", "soortPartij",
        "indicatieGeheimhouding", "voorkeurstaal", "indicatieActief", "bezoekadres",
        "correspondentieadres", "partijIdentificatie",
    ]  # fmt: skip
    assert partij["nummer"] is None and partij["interneNotitie"] == ""
    assert partij["voorkeursDigitaalAdres"] is None and partij["digitaleAdressen"] == []
    assert partij["bezoekadres"]["huisnummer"] is None
    assert partij["bezoekadres"]["straatnaam"] == ""
    assert partij["partijIdentificatie"] is None


def test_uniqueness_is_a_conflict_and_changes_nothing(register: ki.Register) -> None:
    register.registreer_partij(persoon("111222333"))
    before = register.lengte()
    with pytest.raises(ki.Conflict) as caught:
        register.registreer_partij(persoon("111222333"))
    assert caught.value.kind == "conflict"
    assert caught.value.invalid_params[0]["code"] == "unique"
    assert caught.value.invalid_params[0]["rule"] == "register.identificator-uniek"
    assert register.lengte() == before
    assert register.zoek_partij()["count"] == 1


def test_a_protected_object_is_a_conflict(register: ki.Register) -> None:
    partij = register.registreer_partij(
        {"soortPartij": "organisatie", "indicatieActief": True,
         "partijIdentificatie": {"naam": "Bakkerij De Korenschoof"}}
    )
    ref = {"uuid": partij["uuid"]}
    kvk = register.registreer_partij_identificator(
        {"identificeerdePartij": ref, "partijIdentificator": {
            "codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer",
            "objectId": "12345678", "codeRegister": "hr"}}
    )
    register.registreer_partij_identificator(
        {"identificeerdePartij": ref, "subIdentificatorVan": {"uuid": kvk["uuid"]},
         "partijIdentificator": {
            "codeObjecttype": "vestiging", "codeSoortObjectId": "vestigingsnummer",
            "objectId": "000012345678", "codeRegister": "hr"}}
    )
    with pytest.raises(ki.Conflict) as caught:
        register.verwijder_partij_identificator(kvk["uuid"])
    assert caught.value.kind == "protected"
    assert caught.value.invalid_params[0]["rule"] == "register.sub-identificator-beschermd"


def test_a_reference_to_nothing_is_a_validation_error(register: ki.Register) -> None:
    with pytest.raises(ki.ValidationError) as caught:
        register.registreer_digitaal_adres(
            {"adres": "jan@example.nl", "soortDigitaalAdres": "email",
             "verstrektDoorPartij": {"uuid": str(uuid.uuid4())}}
        )
    assert caught.value.invalid_params[0]["rule"] == "register.verwijzing"


def test_the_whole_klantcontact_registration_f2173(register: ki.Register) -> None:
    actor = register.registreer_actor(medewerker())
    partij = register.registreer_partij(persoon("111222333"))
    dossier = register.registreer_klantcontact(
        {"klantcontact": klantcontact(), "actoren": [{"uuid": actor["uuid"]}],
         "betrokkenen": [{"rol": "klant", "initiator": True,
                          "wasPartij": {"uuid": partij["uuid"]}}]}
    )
    kc = dossier["klantcontact"]["uuid"]
    assert register.vraag_klantcontact_op(kc)["uuid"] == kc
    assert register.zoek_betrokkene(hadKlantcontact__uuid=kc)["count"] == 1
    # In the standaard profile a bare klantcontact (no actor, no betrokkene) is refused.
    with pytest.raises(ki.ValidationError):
        register.registreer_klantcontact_los(klantcontact())


def test_workflows(register: ki.Register) -> None:
    actor = register.registreer_actor(medewerker())
    partij = register.registreer_partij(persoon("111222333"))
    niets = register.beantwoord_vraag_direct(
        {"klantcontact": klantcontact(), "actor": {"uuid": actor["uuid"]},
         "klant": {"soort": "anoniem"}}
    )
    assert niets["uitkomst"] == "niets_geregistreerd"
    assert register.zoek_klantcontact()["count"] == 0
    uitkomst = register.beantwoord_vraag_direct(
        {"klantcontact": klantcontact(), "actor": {"uuid": actor["uuid"]},
         "klant": {"soort": "gekend", "partij": {"uuid": partij["uuid"]}}}
    )
    assert uitkomst["uitkomst"] == "geregistreerd"
    assert uitkomst["betrokkenen"][0]["wasPartij"]["uuid"] == partij["uuid"]
    assert register.zoek_klantcontact()["count"] == 1
    assert register.voer_uit("beantwoord_vraag_direct", json.dumps(
        {"klantcontact": klantcontact(), "actor": {"uuid": actor["uuid"]},
         "klant": {"soort": "anoniem"}}))["uitkomst"] == "niets_geregistreerd"
    with pytest.raises(ki.ValidationError) as caught:
        register.voer_uit("bestaat_niet", {})
    assert caught.value.invalid_params[0]["code"] == "invalid_choice"
    with pytest.raises(ki.ValidationError) as caught:
        register.beantwoord_vraag_direct({"actor": {"uuid": actor["uuid"]}})
    assert ("klantcontact", "required") in {
        (p["name"], p["code"]) for p in caught.value.invalid_params
    }


def test_the_derived_workflows(register: ki.Register) -> None:
    # C4161 (a read) and C3155 (a pre-intake and its takeover), derived from the case index.
    medewerker_ = register.registreer_actor(medewerker())
    menu = register.registreer_actor(
        {"naam": "Spraakmenu", "soortActor": "geautomatiseerde_actor", "indicatieActief": True,
         "actorIdentificatie": {"functie": "keuzemenu"}}
    )
    partij = register.registreer_partij(persoon("111222333"))
    identificator = {"codeSoortObjectId": "bsn", "objectId": "111222333"}
    leeg = register.toon_klantbeeld({"partijIdentificator": identificator})
    assert leeg["uitkomst"] == "getoond" and leeg["klantcontacten"] == []
    vooraf = register.sla_vooraf_uitgevraagde_informatie_op(
        {"klantcontact": klantcontact(), "actor": {"uuid": menu["uuid"]},
         "vragen": [{"vraag": "Waarover?", "antwoord": "Afval"}],
         "klant": {"soort": "gekend", "partij": {"uuid": partij["uuid"]}}}
    )
    assert "Vraag: Waarover?\nAntwoord: Afval" in vooraf["klantcontact"]["inhoud"]
    with register.transactie() as tx:
        tx.neem_vooraf_uitgevraagd_over(
            {"vooraf": {"uuid": vooraf["klantcontact"]["uuid"]},
             "actor": {"uuid": medewerker_["uuid"]}, "klantcontact": klantcontact()}
        )
        # Inside the transaction the klantbeeld already shows the takeover.
        assert len(tx.toon_klantbeeld({"partijIdentificator": identificator})["klantcontacten"]) == 2
    beeld = register.toon_klantbeeld({"partijIdentificator": identificator})
    assert [len(k["betrokkenen"]) for k in beeld["klantcontacten"]] == [1, 1]
    onbekend = register.toon_klantbeeld(
        {"partijIdentificator": {"codeSoortObjectId": "bsn", "objectId": "123456782"}}
    )
    assert onbekend["uitkomst"] == "onbekend"
    with pytest.raises(ki.ValidationError) as caught:
        register.neem_vooraf_uitgevraagd_over(
            {"vooraf": {"uuid": vooraf["klantcontact"]["uuid"]},
             "actor": {"uuid": menu["uuid"]}, "klantcontact": klantcontact()}
        )
    assert caught.value.invalid_params[0]["name"] == "actor"


def test_generic_call(register: ki.Register) -> None:
    created = register.aanroep("create", "partijen", body=persoon())
    assert register.aanroep("get", "partijen", created["uuid"]) == created
    assert register.aanroep("list", "partijen", indicatieActief=True)["count"] == 1
    # A query parameter named like an argument goes in the mapping: /rekeningnummers has a
    # `uuid` filter.
    rekening = register.registreer_rekeningnummer({"iban": "NL91ABNA0417164300"})
    register.registreer_rekeningnummer({"iban": "NL20INGB0001234567"})
    found = register.aanroep("list", "rekeningnummers", query={"uuid": rekening["uuid"]})
    assert [r["uuid"] for r in found["results"]] == [rekening["uuid"]]
    both = register.aanroep("list", "partijen", query={"indicatieActief": True}, pageSize=1)
    assert both["count"] == 1
    with pytest.raises(ValueError, match="unknown method"):
        register.aanroep("post", "partijen")


def test_audit_log(register: ki.Register) -> None:
    created = register.registreer_partij(persoon("111222333"))
    with register.transactie(who="KCC-medewerker") as tx:
        tx.wijzig_partij_deels(created["uuid"], {"indicatieActief": False})
    log = register.audit_log()
    assert [r["action"] for r in log] == ["create", "create", "update"]
    assert log[0]["fcode"] == "F7554" and log[0]["resource"] == "partijen"
    assert log[-1]["who"] == "KCC-medewerker"
    assert log[-1]["before"]["indicatieActief"] is True
    assert log[-1]["after"]["indicatieActief"] is False
    assert [r["seq"] for r in log] == [1, 2, 3]
    mine = register.audit_log(created["uuid"])
    assert {r["uuid"] for r in mine} == {created["uuid"]} and len(mine) == 2
    assert register.lengte() == (3, 2)


def test_counts_invariants_and_profile(register: ki.Register) -> None:
    register.registreer_partij(persoon("111222333"))
    counts = register.aantallen()
    assert counts["partijen"] == 1 and counts["partij-identificatoren"] == 1
    assert register.controleer_invarianten() == []
    assert register.profile == "standaard"
    assert ki.Register(profile="open-klant").profile == "open-klant"
    assert "standaard" in repr(register)


def test_the_journal_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "register"
    first = ki.Register.open(path, sync=False)
    partij = first.registreer_partij(persoon("111222333"))
    first.snapshot()
    first.registreer_partij(persoon(bsn(7)))
    assert str(path) in first.opslag
    del first

    again = ki.Register.open(path)
    assert again.vraag_partij_op(partij["uuid"]) == partij
    assert again.zoek_partij()["count"] == 2
    report = again.herstelrapport()
    assert report["transactions"] == 2 and report["truncated"] is None
    assert len(again.audit_log()) == 4


def test_a_second_open_is_refused_and_a_read_only_one_reads_beside_it(tmp_path: Path) -> None:
    # Issue: `Register.open` twice on one directory let both write, and the journal was lost.
    path = tmp_path / "register"
    first = ki.Register.open(path, sync=False)
    first.registreer_partij(persoon(bsn(11)))
    with pytest.raises(ki.JournalError, match="another process"):
        ki.Register.open(path)
    reader = ki.Register.open(path, read_only=True)
    assert reader.zoek_partij()["count"] == 1
    before = (path / "journal.log").read_bytes()
    with pytest.raises(ki.JournalError, match="read-only"):
        reader.registreer_partij(persoon(bsn(12)))
    assert reader.zoek_partij()["count"] == 1
    assert (path / "journal.log").read_bytes() == before
    del first
    assert ki.Register.open(path).zoek_partij()["count"] == 1


def test_a_damaged_last_frame_is_refused_until_repaired(tmp_path: Path) -> None:
    # Issue: one flipped bit in the last frame dropped an acknowledged transaction silently.
    path = tmp_path / "register"
    register = ki.Register.open(path, sync=False)
    register.registreer_partij(persoon(bsn(13)))
    register.registreer_partij(persoon(bsn(14)))
    del register
    journal = path / "journal.log"
    damaged = bytearray(journal.read_bytes())
    damaged[-4] ^= 0x01
    journal.write_bytes(bytes(damaged))
    with pytest.raises(ki.JournalError, match="repair"):
        ki.Register.open(path)
    assert journal.read_bytes() == bytes(damaged)
    report = ki.Register.repair(path)
    assert report["cut"] > 0 and report["side_file"] is not None
    assert journal.read_bytes() + Path(report["side_file"]).read_bytes() == bytes(damaged)
    assert ki.Register.open(path).zoek_partij()["count"] == 1


def test_an_unreadable_journal_is_a_journal_error(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with pytest.raises(ki.JournalError) as caught:
        ki.Register.open(blocker)
    assert caught.value.kind == "storage"
    assert caught.value.status == 500


@pytest.mark.parametrize(
    "error",
    [
        ki.ValidationError("m", {"status": 400, "invalidParams": [
            {"name": "a", "code": "invalid", "reason": "r", "rule": "x"}]}, "invalid"),
        ki.NotFound("weg", {"status": 404}, "not_found"),
        ki.Conflict("dubbel", None, "conflict"),
        ki.JournalError("schijf", None, "storage"),
        ki.TransactionError("dicht"),
    ],
)
def test_exceptions_pickle_and_print(error: ki.KlantinteractiesError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert (again.message, again.problem, again.kind) == (error.message, error.problem, error.kind)
    assert again.invalid_params == error.invalid_params
    assert str(again) == str(error)
    assert error.message in repr(error)


def test_raised_exceptions_pickle(register: ki.Register) -> None:
    with pytest.raises(ki.ValidationError) as caught:
        register.registreer_partij({"soortPartij": "persoon"})
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.invalid_params == caught.value.invalid_params
    assert "indicatieActief" in str(again)


def test_answers_are_valid_response_documents(register: ki.Register) -> None:
    created = register.registreer_partij(persoon("111222333"))
    ki.validate("partijen", created, response=True)
    ki.validate("partijen", register.vraag_partij_op(created["uuid"]), response=True)
    for item in register.zoek_partij()["results"]:
        ki.validate("partijen", item, response=True)


def test_expand_on_get(register: ki.Register) -> None:
    partij = register.registreer_partij(persoon("111222333"))
    register.registreer_digitaal_adres(
        {"adres": "jan@example.nl", "soortDigitaalAdres": "email",
         "verstrektDoorPartij": {"uuid": partij["uuid"]}}
    )
    plain = register.vraag_partij_op(partij["uuid"])
    expanded = register.vraag_partij_op(partij["uuid"], expand=["digitaleAdressen"])
    assert "_expand" not in plain or not plain["_expand"]
    assert expanded["_expand"]["digitaleAdressen"][0]["adres"] == "jan@example.nl"


def test_delete_onderwerpobject_with_cascade(register: ki.Register) -> None:
    actor = register.registreer_actor(medewerker())
    dossier = register.registreer_klantcontact(
        {"klantcontact": klantcontact(), "actoren": [{"uuid": actor["uuid"]}],
         "betrokkenen": [{"rol": "klant", "initiator": True}]}
    )
    kc = {"uuid": dossier["klantcontact"]["uuid"]}
    onderwerp = register.registreer_onderwerpobject(
        {"klantcontact": kc, "wasKlantcontact": None,
         "onderwerpobjectidentificator": {"objectId": "ZAAK-1", "codeObjecttype": "zaak",
                                          "codeRegister": "openzaak", "codeSoortObjectId": "id"}}
    )
    assert register.zoek_onderwerpobject()["count"] == 1
    register.verwijder_onderwerpobject(onderwerp["uuid"], cascade=True)
    assert register.zoek_onderwerpobject()["count"] == 0
