// Calls one operation of the AWS-compatible API with the real AWS SDK for JavaScript v3 and prints one JSON line:
// {"ok":true,"output":{…}} or {"ok":false,"name":…,"modeled":…,"message":…,"httpStatusCode":…,"requestId":…}.
//
// Input is a JSON object in the TRADEWIND_AWS_CALL environment variable:
//   endpoint         the Tradewind server's root URL, e.g. http://127.0.0.1:5000
//   client           "metering" | "entitlement" | "agreement"
//   operation        the SDK command name without "Command", e.g. "MeterUsage"
//   input            the command input (timestamps as ISO strings in keys named in dateFields; a path such as
//                    "UsageRecords[].Timestamp" names a key in every element of a list)
//   accessKeyId, secretAccessKey, sessionToken (optional)
//   region           defaults to us-east-1
//   clockOffsetMs    optional systemClockOffset, to simulate a skewed client clock
//   maxAttempts      optional; 1 disables the SDK's retries (and with them its clock-skew correction)
import { MarketplaceMeteringClient, MeterUsageCommand, BatchMeterUsageCommand, ResolveCustomerCommand, RegisterUsageCommand }
  from "@aws-sdk/client-marketplace-metering";
import { MarketplaceEntitlementServiceClient, GetEntitlementsCommand } from "@aws-sdk/client-marketplace-entitlement-service";
import { MarketplaceAgreementClient, DescribeAgreementCommand, SearchAgreementsCommand, GetAgreementTermsCommand }
  from "@aws-sdk/client-marketplace-agreement";

const clients = {
  metering: {
    Client: MarketplaceMeteringClient,
    commands: { MeterUsage: MeterUsageCommand, BatchMeterUsage: BatchMeterUsageCommand, ResolveCustomer: ResolveCustomerCommand, RegisterUsage: RegisterUsageCommand },
  },
  entitlement: { Client: MarketplaceEntitlementServiceClient, commands: { GetEntitlements: GetEntitlementsCommand } },
  agreement: {
    Client: MarketplaceAgreementClient,
    commands: { DescribeAgreement: DescribeAgreementCommand, SearchAgreements: SearchAgreementsCommand, GetAgreementTerms: GetAgreementTermsCommand },
  },
};

const call = JSON.parse(process.env.TRADEWIND_AWS_CALL ?? "{}");
const { Client, commands } = clients[call.client] ?? {};
const Command = commands?.[call.operation];
if (!Command) {
  console.log(JSON.stringify({ ok: false, name: "HarnessError", message: `unknown client/operation ${call.client}/${call.operation}` }));
  process.exit(2);
}

const input = { ...(call.input ?? {}) };
const toDates = (target, path) => {
  const [head, ...rest] = path.split(".");
  if (head.endsWith("[]")) {
    for (const element of target?.[head.slice(0, -2)] ?? []) toDates(element, rest.join("."));
  } else if (rest.length > 0) {
    toDates(target?.[head], rest.join("."));
  } else if (target?.[head] !== undefined) {
    target[head] = new Date(target[head]);
  }
};
for (const field of call.dateFields ?? []) toDates(input, field);

const client = new Client({
  endpoint: call.endpoint,
  region: call.region ?? "us-east-1",
  credentials: { accessKeyId: call.accessKeyId, secretAccessKey: call.secretAccessKey, sessionToken: call.sessionToken },
  systemClockOffset: call.clockOffsetMs ?? 0,
  maxAttempts: call.maxAttempts ?? 3,
});

try {
  const output = await client.send(new Command(input));
  delete output.$metadata;
  console.log(JSON.stringify({ ok: true, output }));
} catch (error) {
  console.log(JSON.stringify({
    ok: false,
    name: error.name,
    // A modeled error is an instance of its own class; an unmodeled code is the service's generic exception.
    modeled: error.constructor?.name === error.name,
    message: error.message,
    httpStatusCode: error.$metadata?.httpStatusCode ?? null,
    requestId: error.$metadata?.requestId ?? null,
    attempts: error.$metadata?.attempts ?? null,
  }));
}
