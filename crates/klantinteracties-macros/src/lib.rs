//! Declaration macros of the `klantinteracties` library.
//!
//! [`macro@tweeling`] turns one declaration of a resource into its two shapes: the response
//! (`DigitaalAdres`) and the create or update body (`DigitaalAdresInput`), which are twins
//! that differ in which properties they have and in how an unfilled property is written.
//! The library's `docs/architecture.md` (section "The model") describes the field kinds.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{quote, ToTokens};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{
    parse_macro_input, Attribute, Error, Field, Fields, GenericArgument, Ident, ItemStruct, LitStr,
    Meta, PathArguments, Token, Type,
};

/// How a response writes a property that holds nothing (the `leeg` modules of the model), and
/// what the body does with it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Soort {
    /// Written as it is in both.
    Gewoon,
    /// `Nullable<T>`: `null` in a response; left out of a body when absent.
    Null,
    /// `Nullable<T>` of a list or group: `T::default()` in a response.
    Compleet,
    /// `Option<T>`: `T::default()` in a response (`""`, `false`); left out of a body.
    Standaard,
    /// `Option<bool>` with default `true` in a response.
    Waar,
    /// `Option<BTreeMap<String, String>>`: `{}` in a response, keys in Open Klant's order.
    Metadata,
    /// `Option<T>`: `null` in a response; left out of a body.
    Optioneel,
}

impl Soort {
    fn from_name(name: &Ident) -> Option<Self> {
        Some(match name.to_string().as_str() {
            "null" => Self::Null,
            "compleet" => Self::Compleet,
            "standaard" => Self::Standaard,
            "waar" => Self::Waar,
            "metadata" => Self::Metadata,
            "optioneel" => Self::Optioneel,
            _ => return None,
        })
    }

    /// The `leeg` module a response serializes the property with.
    fn module(self) -> Option<&'static str> {
        match self {
            Self::Null => Some("null"),
            Self::Compleet => Some("compleet"),
            Self::Standaard => Some("standaard"),
            Self::Waar => Some("waar"),
            Self::Metadata => Some("metadata"),
            Self::Gewoon | Self::Optioneel => None,
        }
    }

    /// Whether the field type is `Nullable<T>` (else `Option<T>`).
    fn nullable(self) -> bool {
        matches!(self, Self::Null | Self::Compleet)
    }
}

/// What `#[veld(...)]` says about one field.
struct Veld {
    soort: Soort,
    verhuld: bool,
    verwijzing: bool,
    antwoord: bool,
    afgeleid: bool,
    invoer: Option<Type>,
}

impl Veld {
    fn parse(field: &mut Field) -> syn::Result<Self> {
        let mut veld = Self {
            soort: Soort::Gewoon,
            verhuld: false,
            verwijzing: false,
            antwoord: false,
            afgeleid: false,
            invoer: None,
        };
        let mut rest = Vec::new();
        for attr in field.attrs.drain(..) {
            if !attr.path().is_ident("veld") {
                rest.push(attr);
                continue;
            }
            attr.parse_nested_meta(|m| {
                let Some(name) = m.path.get_ident() else {
                    return Err(m.error("expected a field kind"));
                };
                match name.to_string().as_str() {
                    "verhuld" => veld.verhuld = true,
                    "verwijzing" => veld.verwijzing = true,
                    "antwoord" => veld.antwoord = true,
                    "afgeleid" => veld.afgeleid = true,
                    "invoer" => {
                        let ty: LitStr = m.value()?.parse()?;
                        veld.invoer = Some(ty.parse()?);
                    }
                    _ => match Soort::from_name(name) {
                        Some(s) => veld.soort = s,
                        None => return Err(m.error("unknown field kind")),
                    },
                }
                Ok(())
            })?;
        }
        field.attrs = rest;
        Ok(veld)
    }

    /// Whether the response's value is an argument of `uit_invoer` rather than a copy.
    fn is_argument(&self) -> bool {
        self.antwoord || self.afgeleid || self.invoer.is_some()
    }
}

/// The `T` of `Nullable<T>` or `Option<T>`.
fn inner(ty: &Type, wrapper: &str) -> syn::Result<Type> {
    if let Type::Path(p) = ty {
        if let Some(last) = p.path.segments.last() {
            if last.ident == wrapper {
                if let PathArguments::AngleBracketed(args) = &last.arguments {
                    if let Some(GenericArgument::Type(t)) = args.args.first() {
                        return Ok(t.clone());
                    }
                }
            }
        }
    }
    Err(Error::new_spanned(
        ty,
        format!("this field kind needs a `{wrapper}<T>`"),
    ))
}

fn type_string(ty: &Type) -> LitStr {
    LitStr::new(&ty.to_token_stream().to_string(), Span::call_site())
}

/// The serde and schemars attributes of a field in the response.
fn response_attrs(soort: Soort, ty: &Type) -> syn::Result<Tokens> {
    let schema = match soort {
        Soort::Gewoon => return Ok(Tokens::new()),
        Soort::Null | Soort::Compleet => {
            let t = inner(ty, "Nullable")?;
            type_string(&syn::parse_quote!(Option<#t>))
        }
        _ => type_string(&inner(ty, "Option")?),
    };
    Ok(if let Some(m) = soort.module() {
        let with = LitStr::new(&format!("crate::model::leeg::{m}"), Span::call_site());
        quote!(#[serde(default, with = #with)] #[schemars(with = #schema)])
    } else {
        quote!(#[serde(default)] #[schemars(with = #schema)])
    })
}

/// The serde and schemars attributes of a field in the body.
fn input_attrs(soort: Soort, ty: &Type) -> syn::Result<Tokens> {
    Ok(match soort {
        Soort::Gewoon => Tokens::new(),
        s if s.nullable() => {
            inner(ty, "Nullable")?;
            quote!(#[serde(default, skip_serializing_if = "crate::model::Nullable::is_absent")])
        }
        _ => {
            let schema = type_string(&inner(ty, "Option")?);
            quote!(#[serde(default, skip_serializing_if = "Option::is_none")] #[schemars(with = #schema)])
        }
    })
}

/// The arguments of `#[tweeling(...)]`: the body's name, its doc comment, and what the body
/// derives besides the response's derives (`derive(Default)`).
struct Args {
    invoer: Ident,
    doc: Option<LitStr>,
    derive: Option<Meta>,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let invoer: Ident = input.parse()?;
        let mut doc = None;
        let mut derive = None;
        if input.is_empty() {
            return Ok(Self {
                invoer,
                doc,
                derive,
            });
        }
        input.parse::<Token![,]>()?;
        let rest = Punctuated::<Meta, Token![,]>::parse_terminated(input)?;
        for meta in rest {
            match meta {
                Meta::NameValue(nv) if nv.path.is_ident("doc") => {
                    doc = Some(syn::parse2(nv.value.to_token_stream())?);
                }
                m @ Meta::List(_) if m.path().is_ident("derive") => derive = Some(m),
                other => {
                    return Err(Error::new_spanned(
                        other,
                        "expected `doc = \"...\"` or `derive(...)`",
                    ))
                }
            }
        }
        Ok(Self {
            invoer,
            doc,
            derive,
        })
    }
}

/// A `Debug` that prints the fields marked `verhuld` by their shape only (the library's
/// `model::verhuld`), for a struct with those fields.
fn verhulde_debug(name: &Ident, fields: &[(&Field, &Veld)]) -> Tokens {
    let lines = fields.iter().map(|(f, v)| {
        let id = f.ident.as_ref().expect("named field");
        let label = id.to_string();
        if v.verhuld {
            quote!(.field(#label, &crate::model::verhuld::Verhuld(&self.#id)))
        } else {
            quote!(.field(#label, &self.#id))
        }
    });
    let label = name.to_string();
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#label) #(#lines)* .finish()
            }
        }
    }
}

fn expand(args: &Args, mut item: ItemStruct) -> syn::Result<Tokens> {
    if !item.generics.params.is_empty() {
        return Err(Error::new_spanned(
            &item.generics,
            "a twin cannot be generic",
        ));
    }
    let Fields::Named(named) = &mut item.fields else {
        return Err(Error::new_spanned(&item.fields, "a twin has named fields"));
    };
    let mut velden = Vec::new();
    for field in &mut named.named {
        velden.push(Veld::parse(field)?);
    }
    let fields: Vec<(&Field, &Veld)> = named.named.iter().zip(&velden).collect();

    let name = &item.ident;
    let invoer = &args.invoer;
    let vis = &item.vis;
    let (docs, others): (Vec<&Attribute>, Vec<&Attribute>) =
        item.attrs.iter().partition(|a| a.path().is_ident("doc"));
    let invoer_doc = args
        .doc
        .as_ref()
        .map_or_else(Tokens::new, |d| quote!(#[doc = #d]));
    let invoer_derive = args
        .derive
        .as_ref()
        .map_or_else(Tokens::new, |d| quote!(#[#d]));

    let mut response_fields = Vec::new();
    let mut input_fields = Vec::new();
    let mut copies = Vec::new();
    let mut params = Vec::new();
    for (f, v) in &fields {
        let id = f.ident.as_ref().expect("named field");
        let ty = &f.ty;
        let attrs = &f.attrs;
        let fvis = &f.vis;
        let resp = response_attrs(v.soort, ty)?;
        response_fields.push(quote!(#(#attrs)* #resp #fvis #id: #ty));
        if v.is_argument() {
            params.push(quote!(#id: #ty));
            copies.push(quote!(#id));
        } else if v.verwijzing {
            copies.push(quote!(#id: crate::model::verwijzing::MetUrl::met_url(&invoer.#id, basis)));
        } else {
            copies.push(quote!(#id: ::std::clone::Clone::clone(&invoer.#id)));
        }
        if !v.antwoord {
            let ity = v.invoer.as_ref().unwrap_or(ty);
            let inp = input_attrs(v.soort, ity)?;
            input_fields.push(quote!(#(#attrs)* #inp #fvis #id: #ity));
        }
    }

    let verhuld = velden.iter().any(|v| v.verhuld);
    let debugs = if verhuld {
        let input: Vec<(&Field, &Veld)> = fields
            .iter()
            .filter(|(_, v)| !v.antwoord)
            .copied()
            .collect();
        let a = verhulde_debug(name, &fields);
        let b = verhulde_debug(invoer, &input);
        quote!(#a #b)
    } else {
        Tokens::new()
    };
    let uit_doc = format!(
        "The response for a stored [`{invoer}`]: its fields copied (references with their URL \
         under `basis`), the rest as given."
    );

    Ok(quote! {
        #(#docs)*
        #(#others)*
        #vis struct #name { #(#response_fields,)* }

        #invoer_doc
        #(#others)*
        #invoer_derive
        #vis struct #invoer { #(#input_fields,)* }

        #debugs

        impl #name {
            #[doc = #uit_doc]
            #[allow(clippy::too_many_arguments, dead_code)]
            pub(crate) fn uit_invoer(invoer: &#invoer, basis: &str, #(#params),*) -> Self {
                let _ = basis;
                Self { #(#copies,)* }
            }
        }
    })
}

/// One declaration, two structs: put it on the response struct of a resource, name the body
/// (`#[tweeling(DigitaalAdresInput, doc = "...")]`), and mark fields with `#[veld(...)]`:
///
/// - a kind, how a response writes an unfilled property and whether a body may leave it out:
///   `null` and `compleet` (a `Nullable<T>`: `null`, or `T::default()`), `standaard`, `waar`,
///   `metadata` and `optioneel` (an `Option<T>`: `T::default()`, `true`, `{}`, `null`);
/// - `verhuld`: printed by its shape only in `Debug` (both structs);
/// - `verwijzing`: a reference, given its URL when the response is made;
/// - `antwoord`: only in the response (`uuid`, `url`, derived lists, `_expand`);
/// - `afgeleid`: in both, but the response's value is made by the register, not copied;
/// - `invoer = "Type"`: the body holds another type here (so the response's value is made
///   too).
///
/// It also writes `uit_invoer(invoer, basis, ...)`, which makes the response from a stored
/// body, taking the `antwoord`, `afgeleid` and `invoer` fields as arguments in their order.
#[proc_macro_attribute]
pub fn tweeling(attr: TokenStream, item: TokenStream) -> TokenStream {
    let args = parse_macro_input!(attr as Args);
    let item = parse_macro_input!(item as ItemStruct);
    expand(&args, item)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}
