# Sourced by the load scripts: throwaway keys, and the packaged service (prod profile) in the background.

# throwaway_keys DIR: an RSA key pair for signing tokens, for a test run only (never a deployment's)
throwaway_keys() {
  mkdir -p "$1"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/private.pem" 2>/dev/null
  openssl pkey -in "$1/private.pem" -pubout -out "$1/public.pem"
}

# start_service DATABASE_URL PORT KEYS_DIR LOG [java option...]: sets SERVICE_PID, returns once ready
# (Flyway has migrated the database by then); prints the log and fails if the service does not get there
start_service() {
  local url=$1 port=$2 keys=$3 log=$4
  shift 4
  DATABASE_URL="$url" PORT="$port" \
  SMALLRYE_JWT_SIGN_KEY_LOCATION="$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$keys/public.pem" \
  WEBHOOK_SECRET="$(openssl rand -hex 32)" \
    java "$@" -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/q/health/ready" > /dev/null && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$log"; return 1; }
    sleep 1
  done
  cat "$log"
  return 1
}

stop_service() {
  [ -n "${SERVICE_PID:-}" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
}
