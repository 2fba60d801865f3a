namespace Tradewind.Web.Demo;

/// <summary>The demo marketplace's content: invented companies and products, believable enough to click through.</summary>
internal static class DemoCatalog
{
    public static IReadOnlyList<DemoCategory> Categories { get; } =
    [
        // Infrastructure
        new("compute", "Compute", "Infrastructure"),
        new("storage", "Storage", "Infrastructure"),
        new("containers", "Containers & Orchestration", "Infrastructure"),
        new("serverless", "Serverless", "Infrastructure"),
        new("databases", "Managed Databases", "Infrastructure"),
        new("backup-recovery", "Backup & Recovery", "Infrastructure"),
        new("high-performance-computing", "High-Performance Computing", "Infrastructure"),
        new("cloud-cost-management", "Cloud Cost Management (FinOps)", "Infrastructure"),

        // Security
        new("identity-access", "Identity & Access Management", "Security"),
        new("secrets-management", "Secrets Management", "Security"),
        new("vulnerability-scanning", "Vulnerability Management", "Security"),
        new("siem", "Security Information & Event Management", "Security"),
        new("endpoint-protection", "Endpoint Protection", "Security"),
        new("data-loss-prevention", "Data Loss Prevention", "Security"),
        new("compliance", "Governance, Risk & Compliance", "Security"),
        new("fraud-detection", "Fraud Detection", "Security"),
        new("email-security", "Email Security", "Security"),
        new("cloud-security-posture", "Cloud Security Posture Management", "Security"),

        // Data & Analytics
        new("data-analytics", "Data Analytics", "Data & Analytics"),
        new("data-pipelines", "Data Pipelines & ETL", "Data & Analytics"),
        new("data-warehousing", "Data Warehousing", "Data & Analytics"),
        new("business-intelligence", "Business Intelligence", "Data & Analytics"),
        new("log-analytics", "Log Analytics", "Data & Analytics"),
        new("vector-databases", "Vector Databases", "Data & Analytics"),
        new("data-catalog", "Data Catalog & Governance", "Data & Analytics"),
        new("streaming-data", "Streaming Data", "Data & Analytics"),
        new("data-quality", "Data Quality", "Data & Analytics"),

        // AI & Machine Learning
        new("ml-platforms", "Machine Learning Platforms", "AI & Machine Learning"),
        new("generative-ai", "Generative AI", "AI & Machine Learning"),
        new("computer-vision", "Computer Vision", "AI & Machine Learning"),
        new("document-ocr", "Document Processing & OCR", "AI & Machine Learning"),
        new("translation-nlp", "Translation & Language AI", "AI & Machine Learning"),
        new("speech-recognition", "Speech & Voice", "AI & Machine Learning"),
        new("mlops", "MLOps", "AI & Machine Learning"),
        new("recommendation-engines", "Recommendation Engines", "AI & Machine Learning"),

        // DevOps
        new("devops", "DevOps Platforms", "DevOps"),
        new("ci-cd", "CI/CD", "DevOps"),
        new("feature-flags", "Feature Flags", "DevOps"),
        new("observability", "Observability", "DevOps"),
        new("incident-management", "Incident Management", "DevOps"),
        new("infrastructure-as-code", "Infrastructure as Code", "DevOps"),
        new("application-performance-monitoring", "Application Performance Monitoring", "DevOps"),
        new("release-management", "Release & Deployment", "DevOps"),

        // Business Applications
        new("crm", "CRM", "Business Applications"),
        new("crm-add-ons", "CRM Add-ons", "Business Applications"),
        new("erp", "ERP", "Business Applications"),
        new("hr-payroll", "HR & Payroll", "Business Applications"),
        new("finance-accounting", "Finance & Accounting", "Business Applications"),
        new("e-signature", "E-Signature", "Business Applications"),
        new("procurement", "Procurement", "Business Applications"),
        new("customer-support", "Customer Support", "Business Applications"),
        new("marketing-automation", "Marketing Automation", "Business Applications"),
        new("e-commerce", "E-Commerce", "Business Applications"),
        new("project-management", "Project Management", "Business Applications"),

        // Collaboration
        new("team-chat", "Team Chat & Messaging", "Collaboration"),
        new("video-conferencing", "Video Conferencing", "Collaboration"),
        new("document-management", "Document Management", "Collaboration"),
        new("knowledge-base", "Knowledge Base & Wiki", "Collaboration"),
        new("whiteboarding", "Online Whiteboards", "Collaboration"),
        new("email-calendar", "Email & Calendar", "Collaboration"),

        // Industry Solutions
        new("healthcare", "Healthcare & Life Sciences", "Industry Solutions"),
        new("financial-services", "Financial Services", "Industry Solutions"),
        new("retail", "Retail", "Industry Solutions"),
        new("manufacturing", "Manufacturing", "Industry Solutions"),
        new("logistics", "Logistics & Supply Chain", "Industry Solutions"),
        new("public-sector", "Public Sector", "Industry Solutions"),
        new("education", "Education", "Industry Solutions"),
        new("energy-utilities", "Energy & Utilities", "Industry Solutions"),

        // Developer Tools
        new("api-gateways", "API Gateways", "Developer Tools"),
        new("api-testing", "API Testing", "Developer Tools"),
        new("code-quality", "Code Quality & Review", "Developer Tools"),
        new("developer-portals", "Developer Portals", "Developer Tools"),
        new("low-code", "Low-Code Platforms", "Developer Tools"),
        new("source-control", "Source Control", "Developer Tools"),
        new("sdks-libraries", "SDKs & Libraries", "Developer Tools"),

        // IoT
        new("iot-platforms", "IoT Platforms", "IoT"),
        new("iot-fleet-management", "IoT Fleet Management", "IoT"),
        new("edge-computing", "Edge Computing", "IoT"),
        new("digital-twins", "Digital Twins", "IoT"),
        new("industrial-iot", "Industrial IoT", "IoT"),

        // Migration
        new("cloud-migration", "Cloud Migration", "Migration"),
        new("database-migration", "Database Migration", "Migration"),
        new("application-modernization", "Application Modernization", "Migration"),
        new("data-transfer", "Data Transfer", "Migration"),

        // Networking
        new("cdn", "Content Delivery", "Networking"),
        new("load-balancing", "Load Balancing", "Networking"),
        new("dns", "DNS Management", "Networking"),
        new("zero-trust-access", "Zero Trust Network Access", "Networking"),
        new("sd-wan", "SD-WAN", "Networking"),
        new("network-monitoring", "Network Monitoring", "Networking"),
    ];

    public static IReadOnlyList<DemoSeller> Sellers { get; } =
    [
        new(
            "Northwind Analytics Inc.", "US", "US-WA", "Avery Chen", "avery",
            [
                new(
                    "Northwind Lakehouse Explorer",
                    "data-analytics",
                    "Point-and-click SQL exploration over the Parquet and Iceberg tables already sitting in your object storage. Analysts get answers in seconds without waiting for a warehouse load.",
                    """
                    Northwind Lakehouse Explorer gives analysts a fast, familiar SQL workspace directly on top of the files your data team already lands in object storage. There is nothing to copy and no warehouse to size: point it at a bucket, let it discover Parquet, Iceberg and Delta tables, and start querying. A vectorised engine with result caching keeps typical dashboards under two seconds, even on tables with billions of rows.

                    ## Highlights

                    - Automatic schema discovery and partition pruning for Parquet, Iceberg and Delta tables
                    - Shared, versioned SQL notebooks with inline charts and comments
                    - Column-level access policies that follow your existing identity provider groups
                    - Query history with cost and bytes-scanned estimates before you press Run

                    Lakehouse Explorer deploys into your own cloud account or runs as a managed service. Pricing is pay per terabyte scanned with a monthly cap you control, and every new workspace starts with a free 14-day trial that includes 5 TB of scanning.
                    """),
                new(
                    "Northwind LogSifter",
                    "log-analytics",
                    "Search, tail and alert on application logs from every service in one place. Built for teams that have outgrown grep but not their budget.",
                    """
                    LogSifter ingests logs from containers, virtual machines and serverless functions, parses them into structured fields on arrival, and makes them searchable within seconds. Engineers can tail a single request across twenty services, pivot from an error message to the deploy that introduced it, and save the query as an alert with one click.

                    Storage is tiered automatically: recent data stays hot for interactive search, while older logs move to compressed archive storage that can still be queried on demand. Most customers cut their logging bill by 40 to 60 percent after switching.

                    ## Key features

                    - Agents for Linux, Windows and Kubernetes, plus OpenTelemetry and syslog endpoints
                    - Pattern detection that groups millions of lines into a few dozen recurring messages
                    - Alert routing to chat, email, paging tools and webhooks
                    - Retention rules per index, with legal hold for audits

                    Pricing is pay per GB ingested, with archive storage billed separately at object-storage rates. A free tier covers 5 GB per day, which is enough for most staging environments.
                    """),
                new(
                    "Northwind Board Metrics",
                    "business-intelligence",
                    "Executive-ready KPI dashboards that refresh every morning and explain themselves. Finance and operations leaders see what changed, why, and who owns it.",
                    """
                    Board Metrics turns the numbers your leadership team asks about every week into a single, trustworthy dashboard. Each metric is defined once, in plain language and SQL, with an owner and a target. When revenue dips or churn rises, the dashboard does not just show a red arrow: it breaks the change down by region, product and segment so the conversation starts from facts instead of guesses.

                    ## Highlights

                    - Governed metric definitions with owners, targets and change history
                    - Automatic variance commentary highlighting the biggest contributors to each movement
                    - Scheduled PDF and slide exports for board packs
                    - Connectors for common warehouses, spreadsheets and accounting systems

                    Board Metrics is sold as an annual contract priced per viewer seat, with unlimited editors included. Implementation typically takes two weeks, and our analysts help you define your first twenty metrics at no extra cost.
                    """),
            ]),
        new(
            "Quillfeather Systems LLC", "US", "US-TX", "Marcus Delgado", "marcus",
            [
                new(
                    "Quillfeather Sign",
                    "e-signature",
                    "Legally binding electronic signatures with audit trails that hold up in court. Send, sign and store contracts in minutes from a browser or phone.",
                    """
                    Quillfeather Sign replaces printing, scanning and chasing with a signing flow your customers can finish on a phone in under a minute. Upload a PDF or start from a template, drag fields where they belong, and send. Signers do not need an account, and reminders go out automatically until every signature is in.

                    Every envelope carries a tamper-evident audit trail: IP addresses, timestamps, identity checks and a cryptographic seal on the final document. Quillfeather Sign supports simple, advanced and qualified signature levels, so the same tool works for an NDA and for a regulated loan agreement.

                    ## Key features

                    - Reusable templates with conditional fields and signing order
                    - SMS one-time codes, ID document checks and bank-based identity verification
                    - Bulk send for policy updates and employee acknowledgements
                    - REST API and webhooks for embedding signing in your own product

                    Plans are priced per sender per month with unlimited signers. A free 14-day trial includes 25 envelopes.
                    """),
                new(
                    "Quillfeather Vault",
                    "document-management",
                    "A secure document repository with retention policies, full-text search and granular sharing. Ideal for legal, HR and finance teams drowning in shared drives.",
                    """
                    Quillfeather Vault is a document management system built for teams whose files carry legal weight. Contracts, personnel records and invoices are stored with metadata, version history and retention rules from the moment they arrive, whether they were uploaded, emailed in or produced by Quillfeather Sign.

                    Full-text search works across scanned PDFs as well as native documents, and saved views let a paralegal find every supplier agreement expiring next quarter in two clicks. Sharing is precise: give an auditor read-only access to one folder for thirty days, and Vault revokes it automatically.

                    ## Highlights

                    - Retention schedules and legal holds that prevent premature deletion
                    - Check-in and check-out with side-by-side version comparison
                    - Expiring external share links with watermarking and download controls
                    - Import tools for network drives and common cloud storage services

                    Vault is licensed per user with storage pooled across the organisation; the standard plan includes 100 GB per user. Migration assistance from existing file shares is included with annual contracts.
                    """),
                new(
                    "DealDesk for CRM",
                    "crm-add-ons",
                    "Quote, discount-approval and contract workflows that live inside your CRM. Sales reps close faster and finance stops finding surprises after the deal is signed.",
                    """
                    DealDesk adds a proper quoting and approval process to the CRM your sales team already uses. Reps build quotes from an approved price book, apply discounts within their limits, and send a branded proposal without leaving the opportunity record. Anything outside policy is routed to the right approver automatically, with context attached, so approvals take minutes instead of days.

                    When the customer accepts, DealDesk generates the order form, sends it for signature through Quillfeather Sign or your existing provider, and writes the final terms back to the CRM.

                    ## Key features

                    - Price books with tiered, volume and multi-year pricing
                    - Approval matrices by discount level, deal size and region
                    - Proposal templates with your branding and legal clauses
                    - Won-deal summaries pushed to billing and finance systems

                    DealDesk installs from your CRM's app directory and is priced per sales user per month. Teams under ten users can use it free for 30 days.
                    """),
            ]),
        new(
            "Kettenwerk Software GmbH", "DE", null, "Jonas Albrecht", "jonas",
            [
                new(
                    "Kettenwerk Secrets",
                    "secrets-management",
                    "Central, audited storage for API keys, database passwords and certificates, with short-lived credentials for every workload. Stop pasting secrets into config files.",
                    """
                    Kettenwerk Secrets gives platform teams one place to store, rotate and audit every credential their applications need. Instead of long-lived passwords copied between environments, workloads authenticate with their platform identity and receive short-lived credentials that expire on their own.

                    Dynamic secrets are generated on demand for databases, message brokers and cloud accounts, so a leaked credential is worthless within minutes. Every read, write and rotation is logged with who, what and why, which makes the next audit a matter of exporting a report.

                    ## Highlights

                    - Kubernetes, virtual machine and CI pipeline authentication without static tokens
                    - Automatic rotation for database users and cloud access keys
                    - Envelope encryption backed by your own hardware security module or cloud KMS
                    - Fine-grained policies written as code and reviewed like any other change

                    Kettenwerk Secrets runs as a managed service hosted in EU data centres or self-hosted in your own cluster. Pricing is per protected workload per month, and a free developer edition covers up to 25 workloads.
                    """),
                new(
                    "Kettenwerk Single Sign-On",
                    "identity-access",
                    "Single sign-on, multi-factor authentication and automated user provisioning for all your business applications. One login for employees, one off-switch for leavers.",
                    """
                    Kettenwerk Single Sign-On connects your directory to every cloud application your employees use. People sign in once with a passkey or authenticator app and reach everything they are entitled to. When someone changes role or leaves, access follows automatically, because accounts are created, updated and removed through standard provisioning protocols rather than manual tickets.

                    ## Key features

                    - SAML and OpenID Connect for more than 1,500 pre-configured applications
                    - Passkeys, TOTP and push-based multi-factor authentication with risk-based prompts
                    - SCIM provisioning and deprovisioning driven by HR or directory changes
                    - Access reviews that ask managers to confirm entitlements every quarter

                    Administrators get a clear view of who can access what, and security teams can stream sign-in events to their SIEM in real time.

                    Pricing is per active user per month, with discounts above 500 users. Most organisations connect their directory and first ten applications within a day, and a free 30-day pilot includes setup support.
                    """),
                new(
                    "AuditTrail Compliance Suite",
                    "compliance",
                    "Continuous evidence collection for ISO 27001, SOC 2 and GDPR. Controls are checked automatically, so audits stop being a quarterly fire drill.",
                    """
                    AuditTrail turns compliance from a spreadsheet exercise into a continuous process. Connect your cloud accounts, identity provider, code repositories and HR system, and AuditTrail maps what it finds to the controls in the frameworks you care about. Missing encryption, stale user accounts or an unreviewed pull request show up as failing controls with a named owner, long before an auditor asks.

                    ## Highlights

                    - Pre-built control libraries for ISO 27001, SOC 2, GDPR and the German C5 catalogue
                    - Automated evidence snapshots with timestamps auditors accept
                    - Policy templates and employee acknowledgement tracking
                    - A shareable trust page for customers and procurement teams

                    Because evidence is collected every day, an audit becomes a matter of granting your auditor read access for the relevant period.

                    AuditTrail is sold as an annual subscription priced by framework and company size. Customers preparing for a first certification can add guided onboarding with our compliance specialists.
                    """),
            ]),
        new(
            "Brumevia SAS", "FR", null, "Camille Moreau", "camille",
            [
                new(
                    "Brumevia Translate",
                    "translation-nlp",
                    "Neural machine translation for product catalogues, support articles and legal documents in 48 languages, with glossaries that keep your brand terms intact.",
                    """
                    Brumevia Translate is a translation platform for companies that publish a lot of content in a lot of languages. Its neural models are tuned per domain, so a product description, a help-centre article and a contract clause are each translated in the right register. Glossaries and style rules make sure product names stay untranslated and that your formal or informal tone is respected.

                    For content that needs a human touch, reviewers work in a side-by-side editor and their corrections feed back into translation memory, so the same sentence never has to be fixed twice.

                    ## Key features

                    - 48 languages with domain-specific models for retail, legal and technical content
                    - Glossaries, do-not-translate lists and tone settings per language
                    - File support for DOCX, XLIFF, JSON, Markdown and subtitles
                    - Connectors for headless CMS, help-desk and e-commerce platforms

                    Pricing is pay per million characters translated, with volume discounts and a free allowance of 500,000 characters each month. All processing happens in EU data centres.
                    """),
                new(
                    "Brumevia Scan OCR",
                    "document-ocr",
                    "Extract structured data from invoices, receipts, IDs and forms with high-accuracy OCR. Accounts payable and onboarding teams stop retyping documents.",
                    """
                    Brumevia Scan reads the documents your teams still process by hand and turns them into clean, structured data. Send a scanned invoice, a photographed receipt or a multi-page form through the API or a watched mailbox, and receive JSON with supplier, totals, tax lines and line items, each with a confidence score.

                    Low-confidence fields are routed to a validation queue where an operator confirms them in seconds. Those corrections train a model specific to your documents, so accuracy improves week by week.

                    ## Highlights

                    - Pre-trained models for invoices, receipts, identity documents and bank statements
                    - Handwriting recognition and table extraction for custom forms
                    - Human-in-the-loop validation with keyboard-first review screens
                    - Export to ERP, accounting and workflow tools through API or CSV

                    Brumevia Scan is billed per page processed, with lower rates for pre-trained document types. Every account starts with 1,000 free pages, and a self-hosted edition is available for organisations that cannot send documents off-site.
                    """),
                new(
                    "Brumevia Assist",
                    "generative-ai",
                    "A private AI assistant that answers employee questions from your own documents, with citations. Deploy it in your chat tool or intranet in about a week.",
                    """
                    Brumevia Assist is a retrieval-augmented assistant that answers questions using only the documents you connect to it. HR policies, engineering runbooks, product specifications and past support tickets are indexed with their permissions intact, so each employee only receives answers drawn from content they are allowed to see.

                    Every answer comes with citations linking back to the source paragraph. If Assist cannot find a reliable answer, it says so instead of guessing, and the unanswered question is logged for content owners to address.

                    ## Key features

                    - Connectors for wikis, file shares, ticketing systems and document repositories
                    - Permission-aware retrieval that respects your existing access controls
                    - Choice of hosted language models or your own model endpoint
                    - Usage analytics showing the questions people ask and the gaps in your documentation

                    Assist is priced per active user per month, with a platform fee for private model hosting. A four-week proof of value on your own documents is included with every annual contract.
                    """),
            ]),
        new(
            "Hollowbrook Cloud Ltd", "GB", null, "Eleanor Whitfield", "eleanor",
            [
                new(
                    "Hollowbrook Backup",
                    "backup-recovery",
                    "Immutable, encrypted backups for cloud databases, virtual machines and SaaS apps, with one-click restores. Recover from ransomware in hours, not weeks.",
                    """
                    Hollowbrook Backup protects the systems your business cannot afford to lose. Policies define what to protect, how often and for how long; Hollowbrook takes care of snapshots, incremental copies and off-site replication. Backups are written to immutable storage in a separate account, so even an attacker with administrator rights cannot delete or encrypt them.

                    Restores are where backup products usually disappoint. Hollowbrook lets you restore a whole server, a single database table or one mailbox folder from the same console, and a weekly automated restore test proves your backups actually work.

                    ## Highlights

                    - Protection for virtual machines, managed databases, Kubernetes volumes and SaaS workspaces
                    - Immutable, air-gapped copies with configurable retention locks
                    - Granular restore down to individual files, rows and messages
                    - Automated recovery testing with reports for auditors and insurers

                    Pricing is per protected terabyte per month, with no charges for restores or egress between regions. Start with a free 30-day trial covering up to 2 TB.
                    """),
                new(
                    "Hollowbrook FinOps",
                    "cloud-cost-management",
                    "See exactly who is spending what in the cloud, and get concrete savings recommendations every week. Engineering and finance finally share one set of numbers.",
                    """
                    Hollowbrook FinOps brings cloud costs out of the monthly invoice and into the hands of the teams who create them. Spend is allocated to products, teams and customers using tags, account structure and shared-cost rules, so every engineering manager can see their own number and how it is trending.

                    Each week, Hollowbrook surfaces savings opportunities ranked by value and effort: idle resources, oversized instances, unattached volumes and commitment purchases that would pay back within months. Recommendations come with the exact change to make, and many can be applied with one click.

                    ## Key features

                    - Multi-cloud cost ingestion with daily granularity and forecasting
                    - Showback and chargeback reports per team, product or cost centre
                    - Anomaly alerts when spend spikes beyond normal patterns
                    - Budget tracking with notifications to chat and email

                    Hollowbrook FinOps is priced as a small percentage of managed cloud spend, capped annually, so the fee always stays well below the savings it finds. A free assessment covers your last 90 days of billing data.
                    """),
                new(
                    "Hollowbrook Lift & Shift",
                    "cloud-migration",
                    "Plan and run large-scale server migrations to the cloud with automated discovery, wave planning and near-zero-downtime cutover.",
                    """
                    Hollowbrook Lift & Shift takes the guesswork out of moving hundreds of servers to the cloud. Lightweight collectors discover what runs in your data centre, map the dependencies between applications, and recommend right-sized cloud instances based on real utilisation rather than the original hardware specification.

                    From there, you group servers into migration waves, replicate them continuously in the background, and run test cutovers as often as you like without touching production. When the business signs off, the final cutover takes minutes.

                    ## Highlights

                    - Agent-based and agentless discovery for physical servers and common hypervisors
                    - Dependency maps that reveal hidden connections between applications
                    - Continuous block-level replication with non-disruptive test cutovers
                    - Wave dashboards tracking progress, blockers and rollback plans

                    Lift & Shift is priced per migrated server, with discovery and planning free for up to 90 days. Fixed-price migration packages delivered with our partner network are available for customers who want a turnkey project.
                    """),
            ]),
        new(
            "Vellora Labs Pvt. Ltd.", "IN", "IN-KA", "Priya Raghavan", "priya",
            [
                new(
                    "Vellora FraudShield",
                    "fraud-detection",
                    "Real-time fraud scoring for card payments, UPI transfers and account sign-ups. Block fraudsters in under 50 milliseconds without adding friction for genuine customers.",
                    """
                    Vellora FraudShield scores every transaction and sign-up the moment it happens. Machine learning models trained on hundreds of millions of payment events combine device fingerprints, behavioural signals, velocity checks and network analysis to produce a risk score and a clear reason code in under 50 milliseconds.

                    Your risk team stays in control. Rules can be written and tested against historical data before going live, and a case-management console lets analysts review flagged transactions, link related accounts and feed decisions back into the models.

                    ## Key features

                    - Real-time scoring API for payments, wallet top-ups, refunds and account creation
                    - Device intelligence and bot detection for web and mobile apps
                    - Rule simulator that replays past traffic to show the impact of changes
                    - Graph view linking accounts that share devices, cards or addresses

                    FraudShield is priced per thousand scored events, with tiered discounts for high volumes. Fintechs, marketplaces and lenders can run it in shadow mode for 30 days at no cost to measure results before switching it on.
                    """),
                new(
                    "Vellora PeoplePay",
                    "hr-payroll",
                    "Payroll, attendance and statutory compliance for growing companies with employees across several states. Payslips on time, filings done, no spreadsheets.",
                    """
                    PeoplePay brings payroll, leave and attendance into one system designed for companies growing from fifty to five thousand employees. Salary structures, allowances, reimbursements and deductions are configured once, and each payroll run calculates income tax, provident fund and state-specific professional tax automatically.

                    Employees use a mobile app to mark attendance, apply for leave, submit tax declarations and download payslips. Managers approve requests from the same app, and HR sees a live dashboard instead of chasing emails at month end.

                    ## Highlights

                    - Automated statutory calculations and filing-ready reports
                    - Geo-fenced mobile attendance and shift scheduling
                    - Expense claims with receipt capture and approval workflows
                    - Bank file generation for salary disbursement

                    PeoplePay integrates with popular accounting software and HR systems through ready-made connectors and an open API. Pricing is per employee per month, billed annually, and implementation with data migration from your previous system is included.
                    """),
                new(
                    "Vellora Helpdesk",
                    "customer-support",
                    "An omnichannel help desk that brings email, live chat, messaging apps and phone tickets into one queue, with AI-suggested replies that cut handling time.",
                    """
                    Vellora Helpdesk gives support teams a single inbox for every conversation with a customer, whatever channel it started on. Tickets from email, web chat, messaging apps and phone calls arrive in one queue, are tagged and prioritised automatically, and land with the agent best suited to solve them.

                    Suggested replies are drafted from your knowledge base and past resolutions, so agents spend their time checking and personalising answers rather than typing them from scratch. Customers can also help themselves through a branded help centre that updates as articles are written.

                    ## Key features

                    - Unified inbox across email, chat, messaging and voice
                    - Skills-based routing, SLAs and escalation rules
                    - AI-drafted replies and automatic conversation summaries
                    - Customer satisfaction surveys and team performance reports

                    Helpdesk integrates with common CRMs, e-commerce platforms and telephony providers. Pricing is per agent per month with unlimited customers, and the starter plan is free for up to three agents.
                    """),
            ]),
        new(
            "Kumonami Systems K.K.", "JP", null, "Haruto Sato", "haruto",
            [
                new(
                    "Kumonami Fleet",
                    "iot-fleet-management",
                    "Provision, monitor and update tens of thousands of connected devices securely. Roll out firmware in stages and roll back instantly if something goes wrong.",
                    """
                    Kumonami Fleet is the control plane for connected devices in the field. Each device is enrolled with a hardware-backed identity, reports its health and configuration over a lightweight protocol, and receives signed firmware and configuration updates only when it is ready for them.

                    Operations teams see the whole fleet at a glance: which devices are online, which firmware they run, and which are drifting out of spec. Updates go out in staged rings, starting with a handful of test units and expanding automatically while health metrics stay green.

                    ## Highlights

                    - Zero-touch provisioning with X.509 certificates and secure elements
                    - Staged over-the-air updates with automatic rollback on failure
                    - Remote shell and log retrieval for field troubleshooting
                    - Device groups, tags and policies for fleets of any size

                    SDKs are available for embedded Linux and popular real-time operating systems. Pricing is per connected device per month, with volume tiers from 1,000 devices upward, and a developer plan for up to 50 devices is free.
                    """),
                new(
                    "Kumonami Edge Runtime",
                    "edge-computing",
                    "Run containerised analytics and AI models on factory gateways and in-store servers, managed centrally from the cloud. Process data where it is produced.",
                    """
                    Kumonami Edge Runtime lets you deploy the same containers you run in the cloud onto gateways, industrial PCs and small on-site servers. Workloads keep running when the connection drops, buffer their results locally, and synchronise once the network returns, which makes the runtime well suited to factories, retail stores and remote sites.

                    A central console manages thousands of edge locations as easily as one. Define what should run where using labels, and the runtime reconciles every site to that desired state.

                    ## Key features

                    - Lightweight container runtime for ARM and x86 hardware with as little as 1 GB of memory
                    - Offline-first operation with local storage and store-and-forward messaging
                    - GPU and NPU acceleration for on-site computer vision models
                    - Central deployment, monitoring and secrets distribution

                    Edge Runtime integrates with Kumonami Fleet for device identity and updates. It is priced per edge node per month, and an evaluation kit with preconfigured sample workloads is available for a free 30-day pilot.
                    """),
                new(
                    "Kumonami Line Twin",
                    "digital-twins",
                    "A live 3D digital twin of your production line that combines sensor data, maintenance history and throughput. Spot bottlenecks and plan changes before touching the floor.",
                    """
                    Line Twin builds a living model of your production line from CAD layouts, machine data and maintenance records. Each station shows its real-time status, cycle time and quality metrics, and engineers can replay any shift to understand exactly where a bottleneck started.

                    Before moving a machine, adding a shift or changing a product mix, planners can simulate the change against historical demand and see its effect on throughput and overtime. What used to take weeks of spreadsheet modelling now takes an afternoon.

                    ## Highlights

                    - Import of common CAD and layout formats with automatic station mapping
                    - Live connections to PLCs and plant historians through OPC UA and MQTT
                    - Discrete-event simulation for what-if planning
                    - Overall equipment effectiveness dashboards per line, cell and machine

                    Line Twin is sold as an annual site licence, with implementation delivered jointly by Kumonami engineers and your process team. Most plants see their first line modelled within six weeks.
                    """),
            ]),
        new(
            "Byeolgil Data Co., Ltd.", "KR", null, "Seo-yeon Park", "seoyeon",
            [
                new(
                    "Byeolgil Vector DB",
                    "vector-databases",
                    "A managed vector database for semantic search and retrieval-augmented generation, with filtered queries over billions of embeddings at millisecond latency.",
                    """
                    Byeolgil Vector DB stores embeddings alongside your metadata and answers similarity queries fast enough to sit in the hot path of a chat assistant or search page. Indexes scale from a prototype with a few thousand vectors to production collections with billions, without changing a line of application code.

                    Unlike bolt-on vector plugins, Byeolgil combines approximate nearest-neighbour search with exact metadata filters in a single query plan, so results stay relevant even when you restrict them by tenant, language or date.

                    ## Key features

                    - HNSW and disk-based indexes with automatic tuning
                    - Hybrid search combining keyword relevance and vector similarity
                    - Multi-tenant namespaces with per-tenant isolation and quotas
                    - Client libraries for Python, TypeScript, Go, Java and C#

                    Byeolgil Vector DB is available as a serverless service billed per million reads and writes plus storage, or as dedicated clusters on an annual contract. The free tier includes one million vectors, with no credit card required.
                    """),
                new(
                    "Byeolgil ML Studio",
                    "ml-platforms",
                    "A collaborative platform to train, track and deploy machine learning models on shared GPUs. Data scientists ship models to production without waiting on infrastructure tickets.",
                    """
                    Byeolgil ML Studio gives data science teams a shared workspace for the whole model lifecycle. Notebooks and training jobs run on a pooled GPU cluster with fair-share scheduling, so expensive hardware stays busy and nobody waits days for a slot.

                    Every experiment is tracked automatically, including code version, data snapshot, parameters and metrics, which makes results reproducible and comparisons trivial. When a model is ready, a single command packages it as a scalable endpoint with monitoring for latency, drift and prediction quality.

                    ## Highlights

                    - Managed notebooks and distributed training on pooled GPUs
                    - Automatic experiment tracking and a model registry with approvals
                    - One-command deployment to autoscaling inference endpoints
                    - Drift and performance monitoring with alerting

                    ML Studio runs in your own cloud account or on-premises cluster, so data never leaves your environment. Licences are priced per named user per year, with GPU usage billed at cost by your infrastructure provider.
                    """),
                new(
                    "Byeolgil Recommend",
                    "recommendation-engines",
                    "Personalised product and content recommendations through a simple API. Retailers and media sites typically see a 10 to 25 percent lift in click-through within the first month.",
                    """
                    Byeolgil Recommend learns from browsing, purchases and content interactions to show each visitor the items they are most likely to want next. Send events through the API or a tag on your site, and within a day the service returns recommendations for home pages, product pages, carts and email campaigns.

                    Merchandisers keep control. Business rules can boost new arrivals, bury out-of-stock items, enforce diversity across brands or pin promoted products, and every change can be A/B tested against the current setup with results reported in revenue, not just clicks.

                    ## Key features

                    - Real-time personalisation that adapts within a session
                    - Cold-start handling for new users and new products
                    - Merchandising rules and built-in A/B testing
                    - Email and push recommendations generated from the same models

                    Recommend is priced per thousand recommendation requests, with a monthly minimum for dedicated models. A 30-day trial includes onboarding support and a performance report comparing results with your current approach.
                    """),
            ]),
        new(
            "Wattleridge Software Pty Ltd", "AU", null, "Liam O'Connor", "liam",
            [
                new(
                    "Wattleridge Observe",
                    "observability",
                    "Metrics, traces and logs in one place, with service maps built automatically from OpenTelemetry data. Find the root cause of an outage in minutes.",
                    """
                    Wattleridge Observe collects metrics, distributed traces and logs from your services and connects them, so the trace of a slow request links directly to the host metrics and log lines that explain it. Service maps are drawn automatically from OpenTelemetry data, and stay current as teams add and retire services.

                    On-call engineers start from a symptom, such as rising error rates on checkout, and Observe highlights the deployments, dependencies and infrastructure changes that correlate with it.

                    ## Highlights

                    - Native OpenTelemetry ingestion with no proprietary agents required
                    - Automatic service maps and dependency health
                    - Correlated views linking traces, metrics and logs
                    - Service-level objectives with error-budget burn alerts

                    Observe stores data in a compressed columnar format, which keeps long retention affordable. Pricing is based on GB ingested and active hosts, with a free tier for small teams and an annual commitment plan that includes a dedicated success engineer.
                    """),
                new(
                    "Wattleridge On-Call",
                    "incident-management",
                    "On-call scheduling, alert routing and incident coordination for engineering teams. The right person is paged, the right channel is opened, and the timeline writes itself.",
                    """
                    Wattleridge On-Call makes sure every alert reaches someone who can act on it, and that every incident is handled the same calm way. Schedules with rotations, overrides and follow-the-sun handovers take minutes to set up, and escalation policies page the next person automatically if the first does not respond.

                    When an incident is declared, On-Call opens a dedicated chat channel, invites responders, starts a timeline and posts status updates to stakeholders. Afterwards, the timeline becomes the skeleton of the post-incident review.

                    ## Key features

                    - Flexible schedules, overrides and escalation policies
                    - Phone, SMS, push and chat notifications with acknowledgement tracking
                    - Incident roles, runbook links and automated status page updates
                    - Post-incident reviews with action item tracking

                    On-Call integrates with monitoring tools, ticketing systems and Wattleridge Observe out of the box. Pricing is per responder per month; stakeholders who only receive updates are free.
                    """),
                new(
                    "Wattleridge APM",
                    "application-performance-monitoring",
                    "Code-level performance monitoring for web and mobile applications. See which endpoints, queries and releases are slowing your users down.",
                    """
                    Wattleridge APM shows how your application behaves for real users, down to the line of code. Lightweight agents for .NET, Java, Node.js, Python and Go capture every slow request with its database queries, external calls and exceptions, while mobile and browser SDKs measure what customers actually experience on their devices.

                    Release markers make regressions obvious: when p95 latency jumps after a deploy, APM shows exactly which endpoint changed and which query is responsible.

                    ## Highlights

                    - Transaction traces with database, cache and HTTP call breakdowns
                    - Real user monitoring for browsers and mobile apps
                    - Automatic release comparison and regression alerts
                    - Continuous profiling with low overhead in production

                    APM shares its data store with Wattleridge Observe, so traces, metrics and logs are available in one place. Pricing is per monitored host or per million mobile sessions, and every plan starts with a free 14-day trial.
                    """),
            ]),
        new(
            "Polderlicht B.V.", "NL", null, "Sanne de Vries", "sanne",
            [
                new(
                    "Polderlicht Pipelines",
                    "data-pipelines",
                    "Managed ELT pipelines that sync data from 200 sources into your warehouse on a schedule you choose. Schema changes are handled for you, so dashboards stop breaking.",
                    """
                    Polderlicht Pipelines moves data from the systems your business runs on into the warehouse or lakehouse your analysts use. Pick a source, such as a CRM, payment provider, advertising platform or production database, pick a destination, and choose how fresh the data should be. Pipelines handles authentication, pagination, retries and incremental loading.

                    When a source adds or renames a column, Pipelines adapts the destination schema automatically and records the change, instead of failing at 3 a.m.

                    ## Highlights

                    - More than 200 pre-built connectors, plus a connector SDK for in-house systems
                    - Change data capture for popular relational databases
                    - Automatic schema evolution with change notifications
                    - Transformations in SQL, versioned and tested alongside your pipelines

                    Polderlicht runs in EU or US regions, or within your own network using a hybrid agent. Pricing is pay per million rows synced each month, and the first 500,000 rows are free.
                    """),
                new(
                    "Polderlicht Stream",
                    "streaming-data",
                    "Fully managed event streaming that works with the open-source clients you already use, with tiered storage and predictable pricing. Keep your code, drop the cluster maintenance.",
                    """
                    Polderlicht Stream gives you durable, ordered event streams without a team of specialists to run them. Existing producers and consumers connect with standard open-source clients, so migrating is mostly a matter of changing a connection string. Brokers scale automatically, partitions rebalance without downtime, and older data moves to object storage so you can keep months of history for replay without paying for disks.

                    ## Key features

                    - Compatibility with widely used open-source streaming clients and connectors
                    - Tiered storage for long retention at object-storage prices
                    - Schema registry with compatibility checks on every publish
                    - Stream processing in SQL for filtering, joining and aggregating events in flight

                    Stream is designed for order events, clickstreams, IoT telemetry and change data capture from Polderlicht Pipelines.

                    Pricing is pay per GB written and stored, with no charges for partitions or idle capacity. A free 14-day trial includes a production-grade cluster, and annual contracts come with 24/7 support.
                    """),
                new(
                    "Polderlicht Catalog",
                    "data-catalog",
                    "A searchable catalogue of every table, dashboard and pipeline in your company, with lineage and ownership. Analysts find trusted data without asking around in chat.",
                    """
                    Polderlicht Catalog crawls your warehouses, BI tools and pipelines to build a map of your data estate. Every dataset gets a page with its description, owner, freshness, quality checks and usage statistics, so analysts can tell at a glance whether a table is trustworthy or abandoned.

                    Column-level lineage shows where each field comes from and everything that depends on it. Before changing a model, an engineer can see which dashboards will break and notify their owners automatically.

                    ## Highlights

                    - Automatic metadata harvesting from warehouses, lakes, BI tools and orchestrators
                    - Column-level lineage across SQL, pipelines and dashboards
                    - Business glossary with certified metrics and definitions
                    - Sensitive data classification to support GDPR obligations

                    Catalog is priced per data user with unlimited assets, and customers on an annual plan get a guided rollout covering their first three data domains.
                    """),
            ]),
        new(
            "Tallmo Systems AB", "SE", null, "Erik Lindqvist", "erik",
            [
                new(
                    "Tallmo Flags",
                    "feature-flags",
                    "Feature flags and progressive rollouts for teams that deploy many times a day. Release to 1 percent of users, watch the metrics, and roll back with a click instead of a hotfix.",
                    """
                    Tallmo Flags separates deploying code from releasing features. Wrap new functionality in a flag, ship it dark, and turn it on for internal users, a beta group or a percentage of customers when you are ready. Targeting rules can use any attribute you send, from country to subscription plan.

                    Flags are evaluated locally inside your application using SDKs that sync rules in the background, so checks add microseconds rather than network round trips, and keep working if Tallmo is unreachable.

                    ## Key features

                    - SDKs for server, web and mobile platforms with local evaluation
                    - Percentage rollouts, user segments and scheduled releases
                    - Experimentation with guardrail metrics and automatic kill switches
                    - Audit log, approvals and stale-flag reminders to keep code clean

                    Tallmo Flags is priced per monthly active context with unlimited seats and flags. The free plan covers small projects, and growing teams can try every feature for 14 days.
                    """),
                new(
                    "Tallmo Runners",
                    "ci-cd",
                    "Fast, autoscaling CI runners with warm caches and ARM or x86 machines on demand. Cut build times in half without managing a single build server.",
                    """
                    Tallmo Runners plugs into the CI system you already use and replaces slow shared runners with dedicated machines that start in seconds. Dependency and container layer caches persist between jobs, so a typical pipeline spends its time building and testing rather than downloading the internet.

                    Runners scale from zero to hundreds of machines as your queue grows, and back again when the office goes home. Jobs can request ARM or x86 hardware, extra memory or GPUs with a single label.

                    ## Highlights

                    - Drop-in runners for popular hosted and self-hosted CI platforms
                    - Persistent caches and pre-warmed machine images
                    - ARM, x86 and GPU machine types billed per second
                    - Isolated, ephemeral virtual machines for every job

                    Teams typically see build times fall by 40 to 60 percent. Pricing is per runner minute, with a monthly allowance of 3,000 free minutes, and runners can also be deployed into your own cloud account for data-residency requirements.
                    """),
                new(
                    "Tallmo Lint Cloud",
                    "code-quality",
                    "Automated code review that flags bugs, security issues and maintainability problems on every pull request, across 25 languages, before a human reviewer has to.",
                    """
                    Tallmo Lint Cloud reviews every pull request the moment it opens. Static analysis checks for null dereferences, resource leaks, injection risks and hard-coded secrets, while maintainability rules catch duplicated code and functions that have grown too complex. Findings appear as inline comments with an explanation and, where possible, a suggested fix.

                    Quality gates let teams agree on standards, such as no new critical issues and 80 percent coverage on changed code, and enforce them without lengthy review debates.

                    ## Key features

                    - Analysis for 25 languages and infrastructure-as-code formats
                    - Inline pull request comments with suggested fixes
                    - Quality gates on new code rather than the legacy backlog
                    - Dashboards showing technical debt trends per repository and team

                    Lint Cloud works with the major source hosting platforms and can also run fully self-hosted. Open-source projects use it free; commercial plans are priced per active contributor per month.
                    """),
            ]),
        new(
            "Birchline Networks Inc.", "CA", "CA-ON", "Noah Campbell", "noah",
            [
                new(
                    "Birchline API Gateway",
                    "api-gateways",
                    "A high-performance API gateway with authentication, rate limiting and analytics built in. Publish internal and partner APIs securely in an afternoon.",
                    """
                    Birchline API Gateway sits in front of your services and handles everything that should not be reimplemented in each one: authentication, rate limiting, request validation, caching and observability. Routes are declared in version-controlled configuration and rolled out without downtime, whether you run ten services or a thousand.

                    A built-in developer portal turns your OpenAPI specifications into documentation with interactive examples, self-service key management and usage dashboards for partners.

                    ## Highlights

                    - JWT, OAuth 2.0, mTLS and API key authentication
                    - Rate limits and quotas per consumer, plan or route
                    - Request and response transformation without code changes
                    - Latency and error analytics per API, consumer and version

                    The gateway runs as a managed service in Canadian, US and EU regions, or self-hosted on Kubernetes with a central control plane. Pricing is per million API calls, and a free developer tier includes one million calls per month.
                    """),
                new(
                    "Birchline Edge CDN",
                    "cdn",
                    "A global content delivery network with 120 points of presence, instant purge and built-in image optimisation. Faster pages, lower origin bills.",
                    """
                    Birchline Edge CDN caches your websites, APIs and downloads close to your users, across 120 points of presence on six continents. Configuration changes and cache purges propagate worldwide in under two seconds, so you can cache aggressively without fearing stale content.

                    Images are resized, compressed and converted to modern formats on the fly, based on each visitor's device, which typically cuts page weight by a third without changing a single template.

                    ## Key features

                    - Global anycast network with HTTP/3 and TLS 1.3 everywhere
                    - Instant purge by URL, tag or prefix
                    - On-the-fly image optimisation and video streaming support
                    - Edge rules for redirects, headers and A/B routing

                    Birchline Edge CDN includes DDoS mitigation at no extra cost and pairs with Birchline API Gateway for a single edge layer. Pricing is pay per GB delivered with regional rates and no request fees, and a free 14-day trial includes 1 TB of traffic.
                    """),
                new(
                    "Birchline Zero Trust Access",
                    "zero-trust-access",
                    "Replace your VPN with identity-aware access to internal apps, servers and databases. Employees and contractors reach only what they need, from any device.",
                    """
                    Birchline Zero Trust Access connects users to internal applications without putting them on your network. Each request is checked against the user's identity, group membership and device posture before it is allowed through, so a compromised laptop cannot wander laterally across your infrastructure.

                    Lightweight connectors run next to your applications and make outbound connections only, which means no inbound firewall ports and no exposed VPN concentrators to patch.

                    ## Highlights

                    - Per-application access policies based on identity, device and location
                    - Browser-based access to web apps, SSH and remote desktop without client software
                    - Device posture checks for disk encryption, OS version and endpoint protection
                    - Session recording and detailed audit logs for privileged access

                    Zero Trust Access works with Kettenwerk Single Sign-On and any SAML or OIDC identity provider. Pricing is per user per month, and most teams move their first applications off the VPN within a week of starting the free 30-day trial.
                    """),
            ]),
        new(
            "Slievemore Software Ltd", "IE", null, "Aoife Byrne", "aoife",
            [
                new(
                    "Slievemore Campaigns",
                    "marketing-automation",
                    "Email and SMS marketing automation for B2B teams, with lead scoring and CRM sync. Nurture prospects until they are genuinely ready to talk to sales.",
                    """
                    Slievemore Campaigns helps marketing teams turn website visitors and event contacts into qualified pipeline. Build nurture journeys on a visual canvas, trigger them from form fills, product usage or CRM changes, and let each contact progress at their own pace.

                    Lead scoring combines fit and engagement, so sales only receives contacts who match your ideal customer profile and have shown real interest. Every interaction is synced to the CRM, giving reps the full story before their first call.

                    ## Key features

                    - Visual journey builder with branching, waits and goals
                    - Email, SMS and landing pages with a drag-and-drop editor
                    - Fit and behaviour lead scoring with configurable thresholds
                    - Two-way CRM sync and attribution reporting

                    Consent is tracked per contact and channel, which keeps campaigns GDPR-compliant by design. Pricing is based on marketing contacts, with unlimited sends and users on every plan. A free 14-day trial includes templates for common B2B nurture programmes.
                    """),
                new(
                    "Slievemore Knowledge Hub",
                    "knowledge-base",
                    "A company wiki that people actually keep up to date. Verified pages, smart search and ownership reminders make it the first place teams look for answers.",
                    """
                    Knowledge Hub is a wiki built around one idea: information is only useful if people trust it. Every page has an owner and a verification date. When a page goes unreviewed for too long, its owner gets a gentle reminder, and readers see a clear warning that the content may be stale.

                    Search understands questions, not just keywords, and ranks verified pages first. Templates for runbooks, onboarding guides, decision records and meeting notes give each team a consistent structure without forcing everyone into the same format.

                    ## Highlights

                    - Page ownership, verification dates and stale-content reminders
                    - Fast, question-aware search across pages, files and comments
                    - Real-time collaborative editing with comments and mentions
                    - Granular permissions for teams, guests and public help pages

                    Knowledge Hub imports content from common wiki and document tools, and integrates with chat so people can search without switching apps. It is priced per user per month, and organisations with fewer than ten users can use it free.
                    """),
                new(
                    "Slievemore Procure",
                    "procurement",
                    "Purchase requests, approvals and supplier onboarding in one simple workflow. Finance gains control over spend without slowing the business down.",
                    """
                    Slievemore Procure replaces purchase-order spreadsheets and email approvals with a single, guided process. Employees describe what they need in plain language, Procure suggests an existing supplier or contract, and the request follows the right approval chain based on amount, category and budget owner.

                    New suppliers are onboarded through a self-service portal that collects tax details, bank information, insurance certificates and security questionnaires, with checks against sanctions lists before the first payment.

                    ## Key features

                    - Intake forms that route requests by category, amount and department
                    - Budget checks against live figures from your accounting system
                    - Supplier portal with document collection and risk screening
                    - Contract renewal reminders to avoid unwanted auto-renewals

                    Procure connects to leading accounting and ERP systems for purchase orders and invoice matching. It is sold as an annual contract priced by company size, with unlimited requesters and a fixed-fee implementation that usually completes within four weeks.
                    """),
            ]),
        new(
            "Tzuri Cyber Ltd.", "IL", null, "Yael Ben-David", "yael",
            [
                new(
                    "Tzuri Exposure Scanner",
                    "vulnerability-scanning",
                    "Continuous vulnerability scanning for cloud workloads, containers and code dependencies, prioritised by real exploitability. Fix the few findings that actually matter first.",
                    """
                    Tzuri Exposure Scanner finds vulnerabilities across virtual machines, container images, serverless functions and open-source dependencies without installing agents. It reads workload snapshots directly through your cloud provider's APIs, so full coverage is reached within hours of connecting an account.

                    Most scanners bury teams in thousands of findings. Tzuri ranks each one by whether the vulnerable package is actually loaded, whether the workload is reachable from the internet, and whether exploits are circulating in the wild. The result is a short, defensible list your engineers can realistically fix.

                    ## Highlights

                    - Agentless scanning of virtual machines, containers, serverless functions and registries
                    - Software composition analysis for application dependencies in CI
                    - Exploitability-based prioritisation with reachability context
                    - Ticket creation and SLA tracking in your existing issue tracker

                    Pricing is per scanned workload per month, billed annually. A free risk assessment scans one cloud account and delivers a prioritised report within 48 hours.
                    """),
                new(
                    "Tzuri SIEM",
                    "siem",
                    "A cloud-native SIEM that ingests security logs at scale, detects threats with ready-made rules and helps a small security team respond like a large one.",
                    """
                    Tzuri SIEM collects security telemetry from identity providers, endpoints, firewalls, cloud control planes and SaaS applications, normalises it into a common schema, and keeps it searchable for a full year. Hundreds of detection rules, maintained by our threat research team, are enabled on day one and mapped to well-known attacker techniques.

                    When a detection fires, Tzuri assembles related alerts into a single investigation with a timeline, affected users and hosts, and suggested response actions such as disabling an account or isolating a machine.

                    ## Key features

                    - Pre-built parsers for more than 300 log sources
                    - Managed detection content updated weekly
                    - Automated investigation timelines and response playbooks
                    - Fast search over a full year of hot data

                    Tzuri SIEM is priced per GB ingested per day, with no extra charge for search or retention up to twelve months. A 30-day proof of concept includes onboarding of your five most important log sources.
                    """),
                new(
                    "Tzuri Cloud Posture",
                    "cloud-security-posture",
                    "Detect misconfigurations, risky permissions and public exposure across all your cloud accounts, and fix them before attackers find them.",
                    """
                    Tzuri Cloud Posture continuously checks your cloud accounts against security best practices and your own policies. Public storage buckets, overly permissive roles, unencrypted databases and disabled logging are flagged within minutes of appearing, with a clear explanation of the risk.

                    An attack-path graph connects individual findings to show how they combine: an exposed virtual machine with a vulnerable package and a role that can read customer data is ranked far above a harmless misconfiguration in a sandbox account.

                    ## Highlights

                    - Hundreds of built-in checks mapped to industry benchmarks and common regulations
                    - Identity analysis showing effective permissions and unused privileges
                    - Attack-path visualisation across accounts and services
                    - Guided remediation with infrastructure-as-code snippets

                    Cloud Posture shares its agentless connection with Tzuri Exposure Scanner, so one onboarding covers both products. Pricing is per cloud account per month, and a free trial covers up to three accounts for 14 days.
                    """),
            ]),
    ];

    public static IReadOnlyList<DemoBuyer> Buyers { get; } =
    [
        new("Rheinfeld Maschinenbau GmbH", "DE", null, "Lena Vogel", "lena"),
        new("Ashcombe Building Society", "GB", null, "Oliver Hughes", "oliver"),
        new("Harborline Freight Co.", "US", "US-NY", "Jessica Morales", "jessica"),
        new("Kitahama Logistics K.K.", "JP", null, "Yuki Tanaka", "yuki"),
        new("Sorae Retail Co., Ltd.", "KR", null, "Min-jun Kim", "minjun"),
        new("Sahyadri Health Network Pvt. Ltd.", "IN", "IN-MH", "Ananya Kulkarni", "ananya"),
        new("Coralbay Energy Pty Ltd", "AU", null, "Chloe Nguyen", "chloe"),
        new("Cerrado Verde Agronegocios Ltda.", "BR", null, "Rafael Souza", "rafael"),
        new("Tanjong Harbour Insurance Pte. Ltd.", "SG", null, "Tan Wei Ling", "weiling"),
        new("Laurentide Credit Union", "CA", "CA-QC", "Julie Gagnon", "julie"),
        new("Grupo Alameda Textil S.A. de C.V.", "MX", null, "Diego Hernandez", "diego"),
        new("Karoo Ridge Mining (Pty) Ltd", "ZA", null, "Thabo Nkosi", "thabo"),
    ];
}

internal sealed record DemoCategory(string Slug, string Name, string Group);
internal sealed record DemoProduct(string Title, string CategorySlug, string ShortDescription, string LongDescription);
internal sealed record DemoSeller(string Name, string CountryCode, string? SubdivisionCode, string ContactName, string EmailLocalPart, IReadOnlyList<DemoProduct> Products);
internal sealed record DemoBuyer(string Name, string CountryCode, string? SubdivisionCode, string ContactName, string EmailLocalPart);
