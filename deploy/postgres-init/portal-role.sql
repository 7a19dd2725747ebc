-- The portal's own role (docs/decisions/0026): it signs in to serve pages and save edits, owns nothing, and is
-- given its rights per database by the owning role when the "migrate" service runs. Run once, when the
-- database volume is created. Change both passwords for anything but a local trial.
CREATE ROLE baliprocess_portal LOGIN PASSWORD 'baliprocess_portal';
