//! The table of collections: one row per resource of API 0.9.0, in the order the register
//! lists them. A row names the resource, its stored record, input, response and id types,
//! and its six calls with their Dutch names and F-codes; [`super::tabel`] generates from it
//! everything that lists the resources. What a collection checks and does lives in its own
//! module, as its [`Collection`](super::collection::Collection) implementation.
//!
//! Adding a resource: a module with the `Collection` implementation, and one row here.

use super::tabel::{collecties, fcode};
use super::InterneTaakRecord;
use crate::model::{
    Actor, ActorId, ActorInput, ActorKlantcontact, ActorKlantcontactId, ActorKlantcontactInput,
    Betrokkene, BetrokkeneId, BetrokkeneInput, Bijlage, BijlageId, BijlageInput, Categorie,
    CategorieId, CategorieInput, CategorieRelatie, CategorieRelatieId, CategorieRelatieInput,
    DigitaalAdres, DigitaalAdresId, DigitaalAdresInput, InterneTaak, InterneTaakId,
    InterneTaakInput, Klantcontact, KlantcontactId, KlantcontactInput, Onderwerpobject,
    OnderwerpobjectId, OnderwerpobjectInput, Partij, PartijId, PartijIdentificator,
    PartijIdentificatorId, PartijIdentificatorInput, PartijInput, Rekeningnummer, RekeningnummerId,
    RekeningnummerInput, Vertegenwoordigden, VertegenwoordigdenId, VertegenwoordigdenInput,
};

collecties! {
    extra operaties: [(Create, Klantcontacten, registreer_klantcontact),
                      (Create, MaakKlantcontact, maak_klantcontact)];
    extra functies: [F2084 "Vraag overzicht van klantcontacten op" => List Klantcontacten];

    Partijen "partijen" partijen: PartijInput, body PartijInput => Partij, PartijId {
        /// With its partij-identificatoren in the same call (no saga needed).
        create registreer_partij [F7554] "Registreer partij";
        /// Full replacement in the `standaard` profile; in the `open-klant` profile what the
        /// body leaves out stays, as Open Klant (DRF) does it.
        replace wijzig_partij [F2158] "Wijzig partij";
        /// The preferences are checked against the partij's own addresses and accounts after
        /// the merge (R13, R14 on PATCH): a stored preference stays valid when the patch
        /// leaves the lists alone, and a sent one must be among the addresses the partij has
        /// (or gets in the same patch).
        patch wijzig_partij_deels [F2158] "Wijzig partij";
        /// With Open Klant's on-delete semantics: its digitale adressen, rekeningnummers,
        /// partij-identificatoren, categorie-relaties and vertegenwoordigingen are deleted;
        /// contactpersonen that worked for it lose `werkteVoorPartij`. Its betrokkenen are
        /// deleted in the open-klant profile (CASCADE); in the standaard profile they stay as
        /// documentary record with `wasPartij` cleared (KC-02, KC-08). An identificator that
        /// others hang under is protected (R9); in the standaard profile its own
        /// sub-identificatoren do not count.
        delete verwijder_partij "Verwijder partij";
        /// Exactly one partij, by id (B1767).
        get vraag_partij_op [F0138] "Vraag partij op" expand;
        /// E.g. by BSN: `partijIdentificator__objectId=296648875`.
        list zoek_partij [F7927] "Zoek partij";
    }
    PartijIdentificatoren "partij-identificatoren" partij_identificatoren:
        PartijIdentificatorInput, body PartijIdentificatorInput
        => PartijIdentificator, PartijIdentificatorId {
        create registreer_partij_identificator [F6257] "Registreer partij-identificator";
        /// A correction.
        replace wijzig_partij_identificator [F8226] "Wijzig partij-identificator";
        patch wijzig_partij_identificator_deels [F8226] "Wijzig partij-identificator";
        /// Refused while sub-identificatoren refer to it (R9).
        delete verwijder_partij_identificator "Verwijder partij-identificator";
        get vraag_partij_identificator_op [F1582] "Vraag partij-identificator op";
        list zoek_partij_identificator [F5817] "Zoek partij-identificator";
    }
    DigitaleAdressen "digitaleadressen" digitaleadressen: DigitaalAdresInput,
        body DigitaalAdresInput => DigitaalAdres, DigitaalAdresId {
        /// Of a partij or a betrokkene.
        create registreer_digitaal_adres [F1995] "Registreer digitaal adres";
        replace wijzig_digitaal_adres [F2946] "Wijzig digitaal adres";
        patch wijzig_digitaal_adres_deels [F2946] "Wijzig digitaal adres";
        /// A partij that preferred it loses its `voorkeursDigitaalAdres` (SET_NULL).
        delete verwijder_digitaal_adres "Verwijder digitaal adres";
        get vraag_digitaal_adres_op [F2806] "Vraag digitaal adres op" expand;
        list zoek_digitaal_adres [F6634] "Zoek digitaal adres";
    }
    Rekeningnummers "rekeningnummers" rekeningnummers: RekeningnummerInput,
        body RekeningnummerInput => Rekeningnummer, RekeningnummerId {
        create registreer_rekeningnummer "Registreer rekeningnummer";
        replace wijzig_rekeningnummer "Wijzig rekeningnummer";
        patch wijzig_rekeningnummer_deels "Wijzig rekeningnummer";
        /// A partij that preferred it loses its `voorkeursRekeningnummer`.
        delete verwijder_rekeningnummer "Verwijder rekeningnummer";
        get vraag_rekeningnummer_op "Vraag rekeningnummer op";
        list zoek_rekeningnummer "Zoek rekeningnummers";
    }
    Vertegenwoordigingen "vertegenwoordigingen" vertegenwoordigingen: VertegenwoordigdenInput,
        body VertegenwoordigdenInput => Vertegenwoordigden, VertegenwoordigdenId {
        create registreer_vertegenwoordiging "Registreer vertegenwoordiging";
        replace wijzig_vertegenwoordiging "Wijzig vertegenwoordiging";
        patch wijzig_vertegenwoordiging_deels "Wijzig vertegenwoordiging";
        delete verwijder_vertegenwoordiging "Verwijder vertegenwoordiging";
        get vraag_vertegenwoordiging_op "Vraag vertegenwoordiging op";
        list zoek_vertegenwoordiging "Zoek vertegenwoordigingen";
    }
    Categorieen "categorieen" categorieen: CategorieInput, body CategorieInput
        => Categorie, CategorieId {
        create registreer_categorie "Registreer categorie";
        replace wijzig_categorie "Wijzig categorie";
        patch wijzig_categorie_deels "Wijzig categorie";
        /// Its categorie-relaties go with it (cascade).
        delete verwijder_categorie "Verwijder categorie";
        get vraag_categorie_op "Vraag categorie op";
        list zoek_categorie "Zoek categorieën";
    }
    CategorieRelaties "categorie-relaties" categorie_relaties: CategorieRelatieInput,
        body CategorieRelatieInput => CategorieRelatie, CategorieRelatieId {
        create registreer_categorie_relatie "Registreer categorie-relatie";
        replace wijzig_categorie_relatie "Wijzig categorie-relatie";
        patch wijzig_categorie_relatie_deels "Wijzig categorie-relatie";
        delete verwijder_categorie_relatie "Verwijder categorie-relatie";
        get vraag_categorie_relatie_op "Vraag categorie-relatie op";
        list zoek_categorie_relatie "Zoek categorie-relaties";
    }
    Klantcontacten "klantcontacten" klantcontacten: KlantcontactInput, body KlantcontactInput
        => Klantcontact, KlantcontactId {
        /// The klantcontact alone. In the standaard profile its actor and betrokkene must be
        /// added in the same [`Register::transactie`](crate::register::Register::transactie);
        /// `registreer_klantcontact` registers them in one call.
        create registreer_klantcontact_los [F2173] "Registreer klantcontact";
        /// A correction (KC-08).
        replace wijzig_klantcontact [F0796] "Wijzig klantcontact";
        /// E.g. the `inhoud` completed during a transfer.
        patch wijzig_klantcontact_deels [F0796] "Wijzig klantcontact";
        /// With its betrokkenen, onderwerpobjecten, bijlagen, interne taken and
        /// actor-klantcontacten (CASCADE).
        delete verwijder_klantcontact "Verwijder klantcontact";
        get vraag_klantcontact_op [F8618] "Vraag klantcontact op" expand;
        /// Newest `plaatsgevondenOp` first; with `hadBetrokkene__wasPartij__uuid` the overview
        /// of a partij's klantcontacten (F2084).
        list zoek_klantcontact [F3896] "Zoek klantcontact";
    }
    Betrokkenen "betrokkenen" betrokkenen: BetrokkeneInput, body BetrokkeneInput
        => Betrokkene, BetrokkeneId {
        /// A further betrokkene after the registration of the klantcontact (B7682: several
        /// may be recorded).
        create registreer_betrokkene [F2599] "Registreer betrokkene bij klantcontact";
        replace wijzig_betrokkene [F3246] "Wijzig betrokkene bij klantcontact";
        /// Also "koppel partij aan klantcontact" (`{"wasPartij": {"uuid": …}}`, C1199,
        /// C9853).
        patch wijzig_betrokkene_deels [F3246] "Wijzig betrokkene bij klantcontact";
        delete verwijder_betrokkene "Verwijder betrokkene";
        get vraag_betrokkene_op [F5859] "Vraag betrokkene bij klantcontact op" expand;
        list zoek_betrokkene [F4936] "Zoek betrokkene bij klantcontact";
    }
    Actorklantcontacten "actorklantcontacten" actorklantcontacten: ActorKlantcontactInput,
        body ActorKlantcontactInput => ActorKlantcontact, ActorKlantcontactId {
        create koppel_actor_aan_klantcontact [F6542] "Koppel actor aan klantcontact";
        replace wijzig_actor_klantcontact "Wijzig actor-klantcontact";
        patch wijzig_actor_klantcontact_deels "Wijzig actor-klantcontact";
        delete verwijder_actor_klantcontact "Ontkoppel actor van klantcontact";
        get vraag_actor_klantcontact_op "Vraag actor-klantcontact op";
        list zoek_actor_klantcontact "Zoek actor-klantcontacten";
    }
    Onderwerpobjecten "onderwerpobjecten" onderwerpobjecten: OnderwerpobjectInput,
        body OnderwerpobjectInput => Onderwerpobject, OnderwerpobjectId {
        create registreer_onderwerpobject [F9322] "Registreer onderwerpobject";
        replace wijzig_onderwerpobject [F5639] "Wijzig onderwerpobject";
        patch wijzig_onderwerpobject_deels [F5639] "Wijzig onderwerpobject";
        /// With `cascade`, each klantcontact it links (`klantcontact`, `wasKlantcontact`)
        /// that no other onderwerpobject refers to is deleted too, after the partij-less
        /// digitale adressen of its betrokkenen; the others are reported as kept.
        delete verwijder_onderwerpobject "Verwijder onderwerpobject" cascade;
        get vraag_onderwerpobject_op [F6039] "Vraag onderwerpobject op";
        list zoek_onderwerpobject [F9829] "Zoek onderwerpobject";
    }
    Bijlagen "bijlagen" bijlagen: BijlageInput, body BijlageInput => Bijlage, BijlageId {
        create registreer_bijlage [F1975] "Registreer bijlage";
        replace wijzig_bijlage [F6260] "Wijzig bijlage";
        patch wijzig_bijlage_deels [F6260] "Wijzig bijlage";
        delete verwijder_bijlage "Verwijder bijlage";
        get vraag_bijlage_op [F6230] "Vraag bijlage op";
        list zoek_bijlage [F5492] "Zoek bijlagen";
    }
    Actoren "actoren" actoren: ActorInput, body ActorInput => Actor, ActorId {
        /// A beheer function; actors exist before a klantcontact or interne taak refers to
        /// them (AC-03).
        create registreer_actor [F5592] "Registreer actor";
        replace wijzig_actor [F9810] "Wijzig actor";
        /// Also how an actor is deactivated (`{"indicatieActief": false}`).
        patch wijzig_actor_deels [F9810] "Wijzig actor";
        /// Its actor-klantcontacten go with it and it is taken off the interne taken assigned
        /// to it. In the standaard profile this is refused when it is the last actor of a
        /// klantcontact or an interne taak (deactivate it instead).
        delete verwijder_actor "Verwijder actor";
        get vraag_actor_op [F5002] "Vraag actor op";
        list zoek_actor [F5582] "Zoek actor";
    }
    Internetaken "internetaken" internetaken: InterneTaakRecord, body InterneTaakInput
        => InterneTaak, InterneTaakId {
        /// Always linked to an existing klantcontact and actor.
        create registreer_interne_taak [F2120] "Registreer interne taak";
        /// Typically marking it processed.
        replace wijzig_interne_taak [F5241] "Wijzig interne taak";
        /// E.g. `{"status": "verwerkt"}`.
        patch wijzig_interne_taak_deels [F5241] "Wijzig interne taak";
        delete verwijder_interne_taak "Verwijder interne taak";
        get vraag_interne_taak_op [F2771] "Vraag interne taak op";
        /// Every argument must match.
        list zoek_interne_taak [F3839] "Zoek interne taken";
    }
}
