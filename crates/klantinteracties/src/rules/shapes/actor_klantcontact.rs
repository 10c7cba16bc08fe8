//! ActorKlantcontact (`/actorklantcontacten`): an actor that took part in a klantcontact
//! (AC-01).

use super::common::{reference, URL, UUID};
use crate::rules::shape::Shape;

/// `/actorklantcontacten`.
pub static ACTOR_KLANTCONTACT: Shape = Shape {
    name: "ActorKlantcontact",
    fields: &[UUID, URL, reference("actor"), reference("klantcontact")],
    checks: &[],
};
