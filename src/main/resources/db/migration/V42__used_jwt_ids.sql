-- One store of single-use JWT ids (ADR 0044): the CDS Hooks bearer tokens' jtis (ADR 0009, was cds_hooks_jti) and
-- the SMART client assertions' jtis at /oauth2/token. token_key is the SHA-256 (hex) of issuer and jti; a row lives
-- until the token's exp. The rows already remembered move over, so that no replay window opens at the upgrade.
CREATE TABLE used_jwt_id (
    token_key  VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at ${ts}    NOT NULL
);
CREATE INDEX ix_used_jwt_id_expires ON used_jwt_id (expires_at);
INSERT INTO used_jwt_id (token_key, expires_at) SELECT token_key, expires_at FROM cds_hooks_jti;
DROP TABLE cds_hooks_jti;
