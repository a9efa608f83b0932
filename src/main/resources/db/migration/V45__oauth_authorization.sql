-- SMART app launch for staff (ADR 0048): the authorization-code flow's short-lived state between the consent page,
-- the code and the token request, shared by every instance (the app's server may redeem the code at another instance
-- than the one the browser went through). One row per authorization: the SHA-256 (hex) of its consent state and of
-- its code, and the authorization itself (Spring Authorization Server's OAuth2Authorization, Java-serialised like the
-- session attributes). Rows live until the code (or the consent request) expires; access tokens are not kept.
CREATE TABLE oauth_authorization (
    id         VARCHAR(100) NOT NULL PRIMARY KEY,
    state_hash VARCHAR(64),
    code_hash  VARCHAR(64),
    expires_at ${ts}        NOT NULL,
    content    ${blob}      NOT NULL
);
CREATE INDEX ix_oauth_authorization_state ON oauth_authorization (state_hash);
CREATE INDEX ix_oauth_authorization_code ON oauth_authorization (code_hash);
CREATE INDEX ix_oauth_authorization_expires ON oauth_authorization (expires_at);
