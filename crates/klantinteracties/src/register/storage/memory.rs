//! Storage in memory: the audit log lives as long as the register (`Register::in_memory`).

use super::{AuditRecord, Error, Recovery, Snapshot, Storage};

/// In-memory storage.
#[derive(Debug, Default)]
pub struct Memory {
    log: Vec<AuditRecord>,
}

impl Storage for Memory {
    fn recover(&mut self) -> Result<Recovery, Error> {
        Ok(Recovery::default())
    }

    fn commit(&mut self, transaction: &[AuditRecord]) -> Result<(), Error> {
        self.log.extend_from_slice(transaction);
        Ok(())
    }

    fn audit_log(&self) -> Result<Vec<AuditRecord>, Error> {
        Ok(self.log.clone())
    }

    fn write_snapshot(&mut self, _snapshot: &Snapshot) -> Result<(), Error> {
        Ok(())
    }

    fn describe(&self) -> String {
        "memory".to_owned()
    }
}
