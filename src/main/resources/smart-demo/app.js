// CDSS SMART demo app (demo mode only, ADR 0050): the SMART App Launch a staff member makes (ADR 0048), without a
// framework — a PKCE S256 challenge made with WebCrypto, the browser sent to /oauth2/authorize (the CDSS login and the
// consent page come from CDSS), the code exchanged at /oauth2/token, and patients read from /fhir with the token.
'use strict';

const CLIENT_ID = 'cdss-smart-demo';
const SCOPE = 'user/Patient.rs user/Observation.rs';
const PENDING = 'cdss-smart-demo.pending';

const TEXT = {
  ko: {
    title: 'CDSS SMART 데모 앱',
    intro: 'CDSS에 로그인한 직원으로서 FHIR 환자 목록을 읽는 SMART 앱입니다 (데모 모드 전용). 연결하면 CDSS 로그인과 승인 화면을 거쳐 돌아옵니다.',
    launch: 'CDSS로 연결',
    name: '이름',
    birthDate: '생년월일',
    gender: '성별',
    exchanging: '승인 코드를 토큰으로 바꾸는 중…',
    reading: 'FHIR에서 환자를 읽는 중…',
    loaded: (n) => `환자 ${n}명을 FHIR에서 읽었습니다.`,
    denied: (e) => `승인되지 않았습니다: ${e}`,
    failed: (e) => `실패했습니다: ${e}`,
    stateMismatch: 'state가 맞지 않습니다: 다시 연결하세요.',
    granted: (s) => `받은 권한: ${s}`,
    noCrypto: '이 브라우저는 여기서 WebCrypto를 쓸 수 없습니다 (https 또는 127.0.0.1 필요).',
  },
  en: {
    title: 'CDSS SMART demo app',
    intro: 'A SMART app that reads the FHIR patient list as the staff member signed in to CDSS (demo mode only). Connecting takes you through the CDSS login and consent page and back here.',
    launch: 'Connect to CDSS',
    name: 'Name',
    birthDate: 'Birth date',
    gender: 'Gender',
    exchanging: 'Exchanging the authorization code for a token…',
    reading: 'Reading patients from FHIR…',
    loaded: (n) => `Read ${n} patients from FHIR.`,
    denied: (e) => `Not authorised: ${e}`,
    failed: (e) => `Failed: ${e}`,
    stateMismatch: 'The state does not match: connect again.',
    granted: (s) => `Granted: ${s}`,
    noCrypto: 'This browser offers no WebCrypto here (https or 127.0.0.1 is needed).',
  },
};
const t = TEXT[(navigator.language || 'ko').toLowerCase().startsWith('ko') ? 'ko' : 'en'];

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(length) {
  return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

/** The address CDSS sends the browser back to: this page, without its query. */
function redirectUri() {
  return location.origin + location.pathname;
}

function status(text, isError) {
  const el = document.getElementById('status');
  el.textContent = text;
  el.className = isError ? 'error' : '';
}

async function launch() {
  if (!window.crypto || !crypto.subtle) {
    status(t.noCrypto, true);
    return;
  }
  const verifier = randomString(32);
  const state = randomString(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const authorize = new URL('../oauth2/authorize', location.href);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: SCOPE,
    state,
    aud: new URL('../fhir', location.href).href,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(authorize.href);
}

function nameOf(patient) {
  return (patient.name || [])
    .map((n) => n.text || [n.family, ...(n.given || [])].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(' / ');
}

function show(bundle) {
  const body = document.querySelector('#patients tbody');
  body.replaceChildren();
  const patients = (bundle.entry || []).map((e) => e.resource).filter((r) => r && r.resourceType === 'Patient');
  for (const p of patients) {
    const row = document.createElement('tr');
    for (const value of [nameOf(p), p.birthDate || '', p.gender || '', p.id || '']) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    body.append(row);
  }
  document.getElementById('patients').hidden = false;
  status(t.loaded(patients.length), false);
}

/** Back from CDSS with ?code=…&state=… or ?error=…&state=…: check the state, exchange the code, read FHIR. */
async function callback(params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname);
  if (!pending || pending.state !== params.get('state')) {
    status(t.stateMismatch, true);
    return;
  }
  if (params.has('error')) {
    status(t.denied(params.get('error')), true);
    return;
  }
  status(t.exchanging, false);
  const tokenAnswer = await fetch(new URL('../oauth2/token', location.href), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: CLIENT_ID,
      code_verifier: pending.verifier,
    }),
  });
  const token = await tokenAnswer.json().catch(() => ({}));
  if (!tokenAnswer.ok || !token.access_token) {
    status(t.failed(token.error || tokenAnswer.status), true);
    return;
  }
  document.getElementById('scope').textContent = t.granted(token.scope || '');
  status(t.reading, false);
  const fhir = await fetch(new URL('../fhir/Patient?_count=10', location.href), {
    headers: { Authorization: `Bearer ${token.access_token}`, Accept: 'application/fhir+json' },
  });
  if (!fhir.ok) {
    status(t.failed(`FHIR ${fhir.status}`), true);
    return;
  }
  show(await fhir.json());
}

function translate() {
  document.documentElement.lang = t === TEXT.ko ? 'ko' : 'en';
  document.title = `${t.title} · CDSS`;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t[el.dataset.i18n];
  }
}

function main() {
  // CDSS registers the loopback address, whose port may vary; "localhost" would have to match exactly
  if (location.hostname === 'localhost') {
    location.replace(location.href.replace('//localhost', '//127.0.0.1'));
    return;
  }
  translate();
  document.getElementById('launch').addEventListener('click', () => {
    launch().catch((e) => status(t.failed(e.message), true));
  });
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) {
    callback(params).catch((e) => status(t.failed(e.message), true));
  }
}

main();
