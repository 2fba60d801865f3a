// The README's "Point your AWS SDK at Tradewind" example: AWS SDK for JavaScript v3 code written for AWS Marketplace,
// run against a demo Tradewind. Only the endpoint and the keys differ from AWS.
// Run from the repository root after `npm ci` in tests/aws-sdk:  node tests/aws-sdk/demo.mjs
import { readFileSync } from "node:fs";
import { MarketplaceMeteringClient, ResolveCustomerCommand, BatchMeterUsageCommand } from "@aws-sdk/client-marketplace-metering";
import { MarketplaceEntitlementServiceClient, GetEntitlementsCommand } from "@aws-sdk/client-marketplace-entitlement-service";

const demo = JSON.parse(readFileSync(process.env.TRADEWIND_DEMO_CREDENTIALS ?? "src/Tradewind.Web/data/demo-credentials.json", "utf8"));
const config = {
  endpoint: process.env.TRADEWIND_URL ?? "http://localhost:5080", // AWS: leave out
  credentials: { accessKeyId: demo.accessKeyId, secretAccessKey: demo.secretAccessKey }, // AWS: your IAM keys
  region: "us-east-1",
};
const metering = new MarketplaceMeteringClient(config);
const entitlements = new MarketplaceEntitlementServiceClient(config);

// 1. The buyer's browser brought a registration token to your fulfilment URL: find out who it is.
const customer = await metering.send(new ResolveCustomerCommand({ RegistrationToken: demo.registrationToken }));
console.log("ResolveCustomer", customer.CustomerIdentifier, customer.ProductCode);

// 2. Report an hour of usage.
const usage = await metering.send(new BatchMeterUsageCommand({
  ProductCode: demo.productCode,
  UsageRecords: [{ CustomerIdentifier: demo.customerIdentifier, Dimension: demo.dimension, Quantity: 3, Timestamp: new Date() }],
}));
console.log("BatchMeterUsage", usage.Results.map((r) => r.Status));

// 3. What is the customer entitled to?
const { Entitlements } = await entitlements.send(new GetEntitlementsCommand({
  ProductCode: demo.productCode,
  Filter: { CUSTOMER_IDENTIFIER: [demo.customerIdentifier] },
}));
for (const e of Entitlements) console.log("GetEntitlements", e.Dimension, e.Value, e.ExpirationDate?.toISOString());
