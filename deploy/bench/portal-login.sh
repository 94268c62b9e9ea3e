#!/usr/bin/env bash
# Where a portal login's milliseconds go, hop by hop, as a browser takes them (curl with a cookie jar, through the
# gateway): the login button, Keycloak's page, the credential POST, the portal's callback (code exchange, session
# cookie) and every redirect after it to the home page. The browser test's "after login" step is the POST and
# everything after it. With the stack up:
#   deploy/bench/portal-login.sh [ROUNDS (5)] [USER ...]      e.g. deploy/bench/portal-login.sh 5 inst-elderly mz-530102
# Prints each login of the first round (the first after a start is the cold one), then the median, min and max per hop.
# Keycloak alone (no portal, no gateway): KEYCLOAK_ONLY=1 (its page, the POST, the code exchange with PKCE).
set -euo pipefail
rounds=${1:-5}; shift || true
users=("$@"); [ ${#users[@]} -gt 0 ] || users=(inst-elderly mz-530102 admin-530100)
base=${BASE_URL:-http://localhost:8080}
realm=${KEYCLOAK_URL:-http://localhost:8180}/realms/care/protocol/openid-connect
jar=$(mktemp); trap 'rm -f "$jar" "$jar.html"' EXIT

hop() { # NAME URL [curl args]: prints "NAME<TAB>status<TAB>ms", leaves the redirect in $next
  local name=$1 url=$2 code t; shift 2
  read -r code t next < <(curl -s -c "$jar" -b "$jar" -o "$jar.html" \
    -w '%{http_code} %{time_total} %{redirect_url}\n' "$@" "$url")
  printf '%s\t%s\t%.1f\n' "$name" "$code" "$(python3 -c "print($t*1000)")"
}
form_action() {
  python3 -c 'import re,sys,html; print(html.unescape(re.search(r"action=\"([^\"]*login-actions[^\"]*)\"", open(sys.argv[1]).read()).group(1)))' "$jar.html"
}

login() { # USER
  : > "$jar"
  if [ -n "${KEYCLOAK_ONLY:-}" ]; then
    local verifier challenge code redirect=$base/portal/login
    verifier=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
    hop "keycloak: login page" "$realm/auth" -G -d client_id=care-portal -d response_type=code -d scope=openid \
      -d "redirect_uri=$redirect" -d state=bench -d "code_challenge=$challenge" -d code_challenge_method=S256
    hop "keycloak: POST credentials" "$(form_action)" --data-urlencode "username=$1" -d password=demo -d credentialId=
    code=$(python3 -c 'import sys,urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query)["code"][0])' "$next")
    hop "keycloak: code exchange" "$realm/token" -d grant_type=authorization_code -d client_id=care-portal \
      -d "code=$code" -d "redirect_uri=$redirect" -d "code_verifier=$verifier"
    return
  fi
  hop "portal: login button" "$base/portal/login"
  hop "keycloak: login page" "$next"
  hop "keycloak: POST credentials *" "$(form_action)" --data-urlencode "username=$1" -d password=demo -d credentialId=
  hop "portal: callback, code exchange *" "$next"
  local n=0 path
  while [ -n "$next" ] && [ $n -lt 5 ]; do
    n=$((n + 1)); path=${next#"$base"}; path=${path%%\?*}
    hop "portal: redirect $n to $path *" "$next"
  done
}

for round in $(seq 1 "$rounds"); do
  for user in "${users[@]}"; do
    if [ "$round" = 1 ]; then
      echo "# $user, first round"; login "$user" | tee -a "$jar.all" | column -t -s $'\t' | sed 's/^/  /'
    else
      login "$user" >> "$jar.all"
    fi
  done
done
echo "# $rounds rounds × ${#users[@]} users, ms (* = in the browser test's \"after login\" step)"
python3 - "$jar.all" <<'PY'
import sys, statistics, collections
hops = collections.OrderedDict()
for line in open(sys.argv[1]):
    name, status, ms = line.rstrip("\n").split("\t")
    hops.setdefault(name, []).append(float(ms))
step = []
for name, values in hops.items():
    print(f"  {name:40s} median {statistics.median(values):7.1f}  min {min(values):7.1f}  max {max(values):7.1f}  n={len(values)}")
PY
rm -f "$jar.all"
