//! The macro behind the table of collections ([`super::collecties`]): from one row per
//! resource it generates everything that lists the resources, so that none of it is written
//! twice:
//! - [`AnyRecord`](super::AnyRecord), the tables and indexes of the state, `Stored` for each
//!   record type, and how a write reaches its table and indexes;
//! - the Dutch methods on [`Lezer`](super::Lezer), [`Transactie`](super::Transactie) and
//!   [`Register`](super::Register), each with its F-code written once;
//! - [`OPERATIES`](super::OPERATIES), [`FUNCTIES`](super::FUNCTIES) and the dispatch of
//!   [`Register::handle`](super::Register::handle);
//! - [`IntoBody`](super::IntoBody) for each input type;
//! - the filters and `expand` choices per resource that [`super::parameters`] describes.

/// `Some("F7554")` for a row that names an F-code, else `None`.
macro_rules! fcode {
    () => {
        None
    };
    ($code:ident) => {
        Some(stringify!($code))
    };
}

/// The table of collections; see the module documentation.
macro_rules! collecties {
    (
        extra operaties: [$( ($xm:ident, $xres:ident, $xnaam:ident) ),* $(,)?];
        extra functies: [$( $xcode:ident $xtitel:literal => $xmethod:ident $xres2:ident ),* $(,)?];
        $(
            $variant:ident $name:literal $field:ident: $rec:ty, body $input:ty => $resp:ty, $idty:ty {
                $(#[$cm:meta])* create $c:ident $([$cf:ident])? $ct:literal;
                $(#[$rm:meta])* replace $r:ident $([$rf:ident])? $rt:literal;
                $(#[$pm:meta])* patch $p:ident $([$pf:ident])? $pt:literal;
                $(#[$dm:meta])* delete $d:ident $dt:literal $($dcascade:ident)?;
                $(#[$gm:meta])* get $g:ident $([$gf:ident])? $gt:literal $($gexpand:ident)?;
                $(#[$lm:meta])* list $l:ident $([$lf:ident])? $lt:literal;
            }
        )+
    ) => {
        // ---- stored records ----

        /// One stored object of any resource.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(tag = "resource", content = "data")]
        pub enum AnyRecord {
            $(
                #[doc = concat!("A stored object of `/", $name, "`.")]
                #[serde(rename = $name)]
                $variant(std::sync::Arc<$rec>),
            )+
        }

        impl AnyRecord {
            /// The resource of the object.
            pub fn resource(&self) -> crate::Resource {
                match self {
                    $( Self::$variant(_) => crate::Resource::$variant, )+
                }
            }

            /// The object as JSON (the stored, input-shaped fields).
            pub fn to_json(&self) -> Result<serde_json::Value, crate::register::Error> {
                match self {
                    $( Self::$variant(r) => serde_json::to_value(&**r), )+
                }
                .map_err(|e| crate::register::error::encoding("a stored object", &e))
            }
        }

        $(
            impl crate::register::collection::Stored for $rec {
                const RESOURCE: crate::Resource = crate::Resource::$variant;
                const MODEL: &'static str = stringify!($resp);
                const REGISTREER: (Option<&'static str>, &'static str) =
                    (fcode!($($cf)?), stringify!($c));
                fn table(t: &Tables) -> &crate::register::table::Table<Self> {
                    &t.$field
                }
                fn wrap(rec: std::sync::Arc<Self>) -> AnyRecord {
                    AnyRecord::$variant(rec)
                }
                fn indexes(ix: &Indexes) -> &<Self as crate::register::collection::Collection>::Ix {
                    &ix.$field
                }
            }
        )+

        /// The indexes of every resource, each collection's own.
        #[derive(Debug, Default)]
        pub(crate) struct Indexes {
            $( pub(crate) $field: <$rec as crate::register::collection::Collection>::Ix, )+
        }

        $(
            impl crate::register::lezen::IdVan for $idty {
                const RESOURCE: crate::Resource = crate::Resource::$variant;
            }
        )+

        /// The tables of every resource.
        #[derive(Debug, Default)]
        pub(crate) struct Tables {
            $( pub(crate) $field: crate::register::table::Table<$rec>, )+
        }

        impl Tables {
            /// Sets object `id` to `rec` (its resource is the record's own) or, with `None`,
            /// removes object `id` of `resource`, and keeps the indexes in step; returns the
            /// previous object with its sequence number. A record cannot land in another
            /// resource's table: where it goes is read from the record itself.
            pub(crate) fn apply(
                &mut self,
                ix: &mut Indexes,
                resource: crate::Resource,
                id: uuid::Uuid,
                rec: Option<AnyRecord>,
                seq: Option<u64>,
            ) -> Option<(u64, AnyRecord)> {
                use crate::register::collection::Collection;
                use crate::register::index::Op;
                let resource = rec.as_ref().map_or(resource, AnyRecord::resource);
                match resource {
                    $(
                        crate::Resource::$variant => {
                            let new = match rec {
                                Some(AnyRecord::$variant(r)) => Some(r),
                                _ => None,
                            };
                            if let Some(old) = self.$field.get(&id) {
                                <$rec>::index(&mut ix.$field, Op::Remove, id, &old.clone());
                            }
                            if let Some(new) = &new {
                                let at = self.$field.seq_for(&id, seq);
                                <$rec>::index(&mut ix.$field, Op::Add(at), id, new);
                            }
                            self.$field.set(id, new, seq).map(|(s, r)| (s, AnyRecord::$variant(r)))
                        }
                    )+
                    crate::Resource::MaakKlantcontact => None,
                }
            }

            /// Every object, per resource oldest first.
            pub(crate) fn all(&self) -> Vec<(uuid::Uuid, AnyRecord)> {
                let mut out = Vec::new();
                $(
                    out.extend(self.$field.oldest_first().map(|(id, r)| (id, AnyRecord::$variant(r.clone()))));
                )+
                out
            }

            /// Whether an object of any resource has this id.
            pub(crate) fn in_use(&self, id: &uuid::Uuid) -> bool {
                false $( || self.$field.contains(id) )+
            }

            /// Number of objects per resource.
            pub(crate) fn counts(&self) -> Vec<(crate::Resource, usize)> {
                vec![ $( (crate::Resource::$variant, self.$field.len()), )+ ]
            }
        }

        // ---- request bodies ----

        $(
            impl crate::register::IntoBody for $input {
                fn into_body(self) -> Result<serde_json::Value, crate::register::Error> {
                    crate::register::IntoBody::into_body(&self)
                }
            }
            impl crate::register::IntoBody for &$input {
                fn into_body(self) -> Result<serde_json::Value, crate::register::Error> {
                    serde_json::to_value(self)
                        .map_err(|e| crate::register::error::encoding("an input", &e))
                }
            }
        )+

        // ---- the Dutch methods ----

        $(
            impl crate::register::Lezer<'_> {
                #[doc = concat!($(stringify!($gf), " ",)? $gt, " (`GET /", $name, "/{uuid}`).")]
                $(#[$gm])*
                pub fn $g(&self, id: $idty $(, $gexpand: &[String])?) -> Result<$resp, crate::register::Error> {
                    self.vraag_op::<$rec>(id.into(), collecties!(@expand $($gexpand)?))
                }

                #[doc = concat!($(stringify!($lf), " ",)? $lt, " (`GET /", $name, "`).")]
                $(#[$lm])*
                pub fn $l(&self, q: &crate::register::Zoekvraag) -> Result<crate::register::Page<$resp>, crate::register::Error> {
                    self.zoek_in::<$rec>(q)
                }
            }

            impl crate::register::Transactie<'_> {
                #[doc = concat!($(stringify!($gf), " ",)? $gt, " (`GET /", $name, "/{uuid}`).")]
                $(#[$gm])*
                pub fn $g(&self, id: $idty $(, $gexpand: &[String])?) -> Result<$resp, crate::register::Error> {
                    self.lezer().$g(id $(, $gexpand)?)
                }

                #[doc = concat!($(stringify!($lf), " ",)? $lt, " (`GET /", $name, "`).")]
                $(#[$lm])*
                pub fn $l(&self, q: &crate::register::Zoekvraag) -> Result<crate::register::Page<$resp>, crate::register::Error> {
                    self.lezer().$l(q)
                }

                #[doc = concat!($(stringify!($cf), " ",)? $ct, " (`POST /", $name, "`).")]
                $(#[$cm])*
                pub fn $c(&mut self, body: impl crate::register::IntoBody) -> Result<$resp, crate::register::Error> {
                    self.registreer::<$rec>(body, "")
                }

                #[doc = concat!($(stringify!($rf), " ",)? $rt, " (`PUT /", $name, "/{uuid}`).")]
                $(#[$rm])*
                pub fn $r(&mut self, id: $idty, body: impl crate::register::IntoBody) -> Result<$resp, crate::register::Error> {
                    self.vervang_in::<$rec>(fcode!($($rf)?), stringify!($r), id.into(), body)
                }

                #[doc = concat!($(stringify!($pf), " ",)? $pt, ", partial (`PATCH /", $name, "/{uuid}`).")]
                $(#[$pm])*
                pub fn $p(&mut self, id: $idty, patch: &serde_json::Value) -> Result<$resp, crate::register::Error> {
                    self.wijzig_in::<$rec>(fcode!($($pf)?), stringify!($p), id.into(), patch)
                }

                collecties!(@delete $rec, $d, $dt, $name, $idty, [$(#[$dm])*] $($dcascade)?);
            }

            impl crate::register::Register {
                #[doc = concat!($(stringify!($gf), " ",)? $gt, " (`GET /", $name, "/{uuid}`).")]
                $(#[$gm])*
                pub fn $g(&self, id: $idty $(, $gexpand: &[String])?) -> Result<$resp, crate::register::Error> {
                    self.lees(|l| l.$g(id $(, $gexpand)?))
                }

                #[doc = concat!($(stringify!($lf), " ",)? $lt, " (`GET /", $name, "`).")]
                $(#[$lm])*
                pub fn $l(&self, q: &crate::register::Zoekvraag) -> Result<crate::register::Page<$resp>, crate::register::Error> {
                    self.lees(|l| l.$l(q))
                }

                #[doc = concat!($(stringify!($cf), " ",)? $ct, " (`POST /", $name, "`), as a transaction of its own.")]
                $(#[$cm])*
                pub fn $c(&self, body: impl crate::register::IntoBody) -> Result<$resp, crate::register::Error> {
                    self.transactie(|tx| tx.$c(body))
                }

                #[doc = concat!($(stringify!($rf), " ",)? $rt, " (`PUT /", $name, "/{uuid}`), as a transaction of its own.")]
                $(#[$rm])*
                pub fn $r(&self, id: $idty, body: impl crate::register::IntoBody) -> Result<$resp, crate::register::Error> {
                    self.transactie(|tx| tx.$r(id, body))
                }

                #[doc = concat!($(stringify!($pf), " ",)? $pt, ", partial (`PATCH /", $name, "/{uuid}`), as a transaction of its own.")]
                $(#[$pm])*
                pub fn $p(&self, id: $idty, patch: &serde_json::Value) -> Result<$resp, crate::register::Error> {
                    self.transactie(|tx| tx.$p(id, patch))
                }

                collecties!(@register_delete $d, $dt, $name, $idty, [$(#[$dm])*] $($dcascade)?);
            }
        )+

        // ---- the table as data ----

        /// Every call [`Register::handle`](crate::register::Register::handle) reaches, by the
        /// name of the Rust method that makes it (`registreer_partij`, `zoek_partij`, …):
        /// what a binding names its methods after.
        pub const OPERATIES: &[crate::register::Operatie] = &[
            $( crate::register::Operatie {
                naam: stringify!($xnaam),
                method: crate::register::Method::$xm,
                resource: crate::Resource::$xres,
            }, )*
            $(
                collecties!(@op $c, Create, $variant),
                collecties!(@op $r, Replace, $variant),
                collecties!(@op $p, Patch, $variant),
                collecties!(@op $d, Delete, $variant),
                collecties!(@op $g, Get, $variant),
                collecties!(@op $l, List, $variant),
            )+
        ];

        /// Every F-function of the standard, with its API 0.9.0 call. An update function is
        /// partial (`PATCH`), as the documents describe it; a full replacement carries the
        /// same code in the audit log.
        pub const FUNCTIES: &[crate::register::Functie] = &[
            $(
                $( collecties!(@functie $cf, $ct, Create, $variant), )?
                $( collecties!(@functie $lf, $lt, List, $variant), )?
                $( collecties!(@functie $gf, $gt, Get, $variant), )?
                $( collecties!(@functie $pf, $pt, Patch, $variant), )?
            )+
            $( collecties!(@functie $xcode, $xtitel, $xmethod, $xres2), )*
        ];

        /// The filters of `resource`'s list, by name and kind, in the register's order; none
        /// for `maak-klantcontact`, which has no list.
        pub(crate) fn filters(resource: crate::Resource) -> Vec<(&'static str, crate::register::ParameterKind)> {
            use crate::register::collection::Collection;
            match resource {
                $( crate::Resource::$variant => <$rec>::FILTERS.iter().map(|f| (f.name, f.kind)).collect(), )+
                crate::Resource::MaakKlantcontact => Vec::new(),
            }
        }

        /// The relations `expand` accepts on `resource`; empty where it has none.
        pub(crate) fn expand(resource: crate::Resource) -> &'static [&'static str] {
            use crate::register::collection::Collection;
            match resource {
                $( crate::Resource::$variant => <$rec>::EXPAND, )+
                crate::Resource::MaakKlantcontact => &[],
            }
        }

        /// Runs a reading call (`get`, `list`).
        pub(crate) fn lees(
            lezer: &crate::register::Lezer<'_>,
            req: &crate::register::Request,
        ) -> Result<serde_json::Value, crate::register::Error> {
            use crate::register::request::{json, pagina, query, unsupported, uuid};
            use crate::register::Method;
            match (req.method, req.resource) {
                $(
                    (Method::Get, crate::Resource::$variant) => {
                        json(lezer.$g(uuid(req)?.into() $(, collecties!(@query_expand req $gexpand))?))
                    }
                    (Method::List, crate::Resource::$variant) => pagina(lezer, req, lezer.$l(&query(req)?)),
                )+
                _ => Err(unsupported(req)),
            }
        }

        /// Runs a writing call (`create`, `replace`, `patch`, `delete`).
        pub(crate) fn schrijf(
            tx: &mut crate::register::Transactie<'_>,
            req: &crate::register::Request,
        ) -> Result<serde_json::Value, crate::register::Error> {
            use crate::register::request::{body, json, unsupported, uuid};
            use crate::register::Method;
            match (req.method, req.resource) {
                $(
                    (Method::Create, crate::Resource::$variant) => json(tx.$c(body(req)?)),
                    (Method::Replace, crate::Resource::$variant) => json(tx.$r(uuid(req)?.into(), body(req)?)),
                    (Method::Patch, crate::Resource::$variant) => json(tx.$p(uuid(req)?.into(), &body(req)?)),
                    (Method::Delete, crate::Resource::$variant) => {
                        json(tx.$d(uuid(req)?.into() $(, collecties!(@query_cascade req $dcascade))?))
                    }
                )+
                _ => Err(unsupported(req)),
            }
        }
    };

    (@expand) => { &[] };
    (@expand $e:ident) => { $e };
    (@query_expand $req:ident expand) => { &crate::register::request::query($req)?.expand };
    (@query_cascade $req:ident cascade) => { $req.cascade() };
    (@op $naam:ident, $m:ident, $variant:ident) => {
        crate::register::Operatie {
            naam: stringify!($naam),
            method: crate::register::Method::$m,
            resource: crate::Resource::$variant,
        }
    };
    (@functie $code:ident, $titel:literal, $m:ident, $variant:ident) => {
        crate::register::Functie {
            code: stringify!($code),
            naam: $titel,
            method: crate::register::Method::$m,
            resource: crate::Resource::$variant,
        }
    };
    (@delete $rec:ty, $d:ident, $dt:literal, $name:literal, $idty:ty, [$(#[$dm:meta])*]) => {
        #[doc = concat!($dt, " (`DELETE /", $name, "/{uuid}`).")]
        $(#[$dm])*
        pub fn $d(&mut self, id: $idty) -> Result<(), crate::register::Error> {
            self.verwijder_uit::<$rec>(stringify!($d), id.into())
        }
    };
    // A delete with its own signature (`cascade`) is written by hand in its module.
    (@delete $rec:ty, $d:ident, $dt:literal, $name:literal, $idty:ty, [$(#[$dm:meta])*] cascade) => {};
    (@register_delete $d:ident, $dt:literal, $name:literal, $idty:ty, [$(#[$dm:meta])*]) => {
        #[doc = concat!($dt, " (`DELETE /", $name, "/{uuid}`), as a transaction of its own.")]
        $(#[$dm])*
        pub fn $d(&self, id: $idty) -> Result<(), crate::register::Error> {
            self.transactie(|tx| tx.$d(id))
        }
    };
    (@register_delete $d:ident, $dt:literal, $name:literal, $idty:ty, [$(#[$dm:meta])*] cascade) => {
        #[doc = concat!($dt, " (`DELETE /", $name, "/{uuid}[?cascade=true]`), as a transaction of its own.")]
        $(#[$dm])*
        pub fn $d(&self, id: $idty, cascade: bool) -> Result<crate::register::VerwijderResultaat, crate::register::Error> {
            self.transactie(|tx| tx.$d(id, cascade))
        }
    };
}

/// Generates the register's methods for the transaction methods a collection writes by hand
/// (outside the table): each runs as its own transaction.
macro_rules! register_writes {
    ($( $(#[$m:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty; )+) => {
        impl crate::register::Register {
            $(
                $(#[$m])*
                pub fn $name(&self, $($arg: $ty),*) -> Result<$ret, crate::register::Error> {
                    self.transactie(|tx| tx.$name($($arg),*))
                }
            )+
        }
    };
}

/// Generates the register's and the transaction's methods for reader methods.
macro_rules! register_reads {
    ($( $(#[$m:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty; )+) => {
        impl crate::register::Register {
            $(
                $(#[$m])*
                pub fn $name(&self, $($arg: $ty),*) -> Result<$ret, crate::register::Error> {
                    self.lees(|l| l.$name($($arg),*))
                }
            )+
        }
        impl crate::register::Transactie<'_> {
            $(
                $(#[$m])*
                pub fn $name(&self, $($arg: $ty),*) -> Result<$ret, crate::register::Error> {
                    self.lezer().$name($($arg),*)
                }
            )+
        }
    };
}

pub(crate) use {collecties, fcode, register_reads, register_writes};
