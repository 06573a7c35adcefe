// Run by the mongo image on the first start of an empty data volume (/docker-entrypoint-initdb.d), as the root
// user: one user per service, with readWrite on that service's own database only. The passwords come from the
// container's environment (docker-compose.yml; .env.example).
const services = {
  gateway: process.env.MONGO_GATEWAY_PASSWORD,
  intake: process.env.MONGO_INTAKE_PASSWORD,
  triage: process.env.MONGO_TRIAGE_PASSWORD,
  publishing: process.env.MONGO_PUBLISHING_PASSWORD,
};
for (const [name, password] of Object.entries(services)) {
  if (!password) {
    throw new Error(`MONGO_${name.toUpperCase()}_PASSWORD is not set`);
  }
  db.getSiblingDB(name).createUser({ user: name, pwd: password, roles: [{ role: "readWrite", db: name }] });
}
