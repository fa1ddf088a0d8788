import { parseArgs } from "node:util";
import { startGraphEmulator } from "./index";

// Starts the emulator by hand with a small demo tenant:
//   npx tsx test/graph-emulator/main.ts --port 4010
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    "sent-copy-lag": { type: "string", default: "300" },
  },
});

const emulator = await startGraphEmulator({
  port: Number(values.port),
  host: values.host,
  sentCopyLagMs: Number(values["sent-copy-lag"]),
});

const owner = emulator.addUser({
  userPrincipalName: "adele.vance@contoso.test",
  displayName: "Adele Vance",
  givenName: "Adele",
  surname: "Vance",
  department: "Human Resources",
  city: "Istanbul",
  jobTitle: "HR Specialist",
  birthday: "1990-05-17",
  employeeHireDate: "2018-03-01",
});
const colleague = emulator.addUser({
  userPrincipalName: "emre.kaya@contoso.test",
  displayName: "Emre Kaya",
  givenName: "Emre",
  surname: "Kaya",
  department: "Sales",
  city: "Trabzon",
  birthday: "1985-11-02",
  employeeHireDate: "2020-09-14",
});
const sales = emulator.addGroup({ displayName: "Sales", members: [colleague.id] });
emulator.addGroup({ displayName: "All Staff", members: [owner.id, sales.id] });
emulator.addContacts(owner.id, 250);
emulator.addContacts(owner.id, 40, "Clients");

const token = emulator.issueToken(owner.id, { expiresInSec: 24 * 3600 });
process.stdout.write(`Graph emulator listening at ${emulator.url}\n`);
process.stdout.write(`Signed-in user: ${owner.userPrincipalName} (${owner.id})\n`);
process.stdout.write(`Bearer token (24 h): ${token}\n`);
process.stdout.write(`Try: curl -H "Authorization: Bearer ${token}" ${emulator.url}/me\n`);

const stop = () => {
  emulator.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
