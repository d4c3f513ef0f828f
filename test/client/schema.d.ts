// Generated from openapi/openapi.json by `npm run openapi`. Do not edit.
export interface paths {
    "/access-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search, filter and sort access codes (cursor pagination) */
        get: operations["listAccessCodes"];
        put?: never;
        /** Create an access code (custom or generated); the password is encrypted and not returned */
        post: operations["createAccessCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/access-codes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an access code */
        get: operations["getAccessCode"];
        put?: never;
        post?: never;
        /** Delete an access code (its code becomes free for reuse) */
        delete: operations["deleteAccessCode"];
        options?: never;
        head?: never;
        /** Edit portal, credentials, status, notes, subscription or expiry (never the code: 422) */
        patch: operations["updateAccessCode"];
        trace?: never;
    };
    "/access-codes/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal the Xtream credentials of a code (audited; needs write access) */
        post: operations["revealAccessCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/access-codes/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate, deactivate, delete, set the expiry of, or move codes by ids or by filter; one result and one audit entry per code */
        post: operations["bulkAccessCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/access-codes/capacity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How full the code space of each length is (generation is refused when nearly exhausted) */
        get: operations["getAccessCodeCapacity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/access-codes/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export codes as CSV (the import format); passwords only with includeCredentials, which is audited */
        post: operations["exportAccessCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/access-codes/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import access codes from a CSV body; answers at once with the import job to follow (GET /access-codes/import/jobs/{id})
         * @description Columns: code (optional: generated when empty), portal (id or name), username, password, expiry (empty = follow the subscription, `lifetime`, `YYYY-MM-DD` = valid through that day UTC, or an ISO-8601 instant), notes, status (active|inactive), subscription (id). The file is streamed and stored encrypted until the import ends.
         */
        post: operations["importAccessCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/access-codes/import/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List imports, newest first */
        get: operations["listAccessCodeImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/access-codes/import/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress and report of an import (poll until finished) */
        get: operations["getAccessCodeImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/access-codes/import/jobs/{id}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-row outcomes of an import (created, invalid with the reason, duplicate), in file order */
        get: operations["listAccessCodeImportRows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never the keys themselves) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key (the key is shown once) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the audit log, newest first */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the hash chain and report the first tampered entry, if any */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codes/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an access code for its portal URL and Xtream credentials (public; rate-limited per client address)
         * @description Unknown, inactive and expired codes all get the same 401 answer. After too many failures an address gets 429 with Retry-After, with lockouts that double each time. Behind a reverse proxy, list it in HUB_TRUSTED_PROXIES so the client address is used.
         */
        post: operations["codeLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customers */
        get: operations["listCustomers"];
        put?: never;
        /** Create a customer */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        /** Delete a customer without orders or subscriptions */
        delete: operations["deleteCustomer"];
        options?: never;
        head?: never;
        /** Update a customer */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List drift findings (newest first) */
        get: operations["listDriftFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drift/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a drift finding */
        get: operations["getDriftFinding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drift/{id}/repair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the panel back to the hub's intent for an open finding (recreate the line, extend, enable/disable, package, connections)
         * @description 409 `SUBSCRIPTION_BUSY` while a workflow run is changing the line, `DRIFT_STALE` when the subscription changed since the finding was seen, `DRIFT_NOT_OPEN`, `REPAIR_IN_PROGRESS`; 422 `REPAIR_NOT_SUPPORTED` when the panel's plugin lacks the operation (the problem names the capability and a hint). Panel failures answer their normalised code.
         */
        post: operations["repairDriftFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events, newest first */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database and queue reachable (503 when not) */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/in/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signed inbound trigger of a workflow (HMAC-SHA256 of "<timestamp>.<raw body>") */
        post: operations["receiveWorkflowHook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/payments/{provider}/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inbound payment webhook: verified with the provider's own signature scheme on the raw body, deduplicated, answered at once and processed from the queue */
        post: operations["receivePaymentWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (scrape with an API key as bearer token) */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List orders */
        get: operations["listOrders"];
        put?: never;
        /** Create an order (a repeated provider payment id returns the existing order) */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an order */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the payment provider's checkout for a pending order: returns the redirect URL or invoice (one per order and payment account) */
        post: operations["checkoutOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/checkouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's checkouts and what came of them */
        get: operations["listOrderCheckouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/mark-failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a manual payment failed (emits payment.failed) */
        post: operations["markOrderFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/mark-paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an order paid (manual payments); starts the purchase, renewal or upgrade workflow */
        post: operations["markOrderPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/mark-refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a paid order refunded (emits payment.refunded; the line is disabled) */
        post: operations["markOrderRefunded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List panels */
        get: operations["listPanels"];
        put?: never;
        /** Configure a panel connection (credentials are encrypted and never returned) */
        post: operations["createPanel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a panel */
        get: operations["getPanel"];
        put?: never;
        post?: never;
        /** Delete a panel that no product or subscription uses */
        delete: operations["deletePanel"];
        options?: never;
        head?: never;
        /** Update a panel (send credentials to replace them) */
        patch: operations["updatePanel"];
        trace?: never;
    };
    "/panels/{id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active connections on the panel */
        get: operations["getPanelConnections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a line by username */
        get: operations["findPanelLine"];
        put?: never;
        /** Create a line on the panel (idempotent under Idempotency-Key: a retry never makes a second line) */
        post: operations["createPanelLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/lines/{lineId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a line as the panel has it */
        get: operations["getPanelLine"];
        put?: never;
        post?: never;
        /** Delete a line (a line that is already gone counts as deleted) */
        delete: operations["deletePanelLine"];
        options?: never;
        head?: never;
        /** Change the package, password or max connections of a line */
        patch: operations["updatePanelLine"];
        trace?: never;
    };
    "/panels/{id}/lines/{lineId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a line */
        post: operations["disablePanelLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/lines/{lineId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a line */
        post: operations["enablePanelLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/lines/{lineId}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new expiry, or add days to the current one (retry a days-extend only with its Idempotency-Key)
         * @description `expiresAt` sets an absolute expiry and is safe to repeat. `days` is added to the expiry the panel has now (from now when it has passed), so repeating it adds the days again. Send an `Idempotency-Key` with a days-extend: the first attempt plans the new expiry under the key, and a retry with the same key and body — even after a 5xx or a timeout whose change went through on the panel — sets that same expiry rather than adding the days twice, or replays the stored answer once one succeeded. Without a key, retry with an absolute `expiresAt` instead.
         */
        post: operations["extendPanelLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/lines/{lineId}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the line from the outside, through the player API, with its own credentials */
        get: operations["verifyPanelLine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Packages synced from the panel */
        get: operations["listPanelPackages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The panel's servers as it reports them, with the hub's view of its health */
        get: operations["getPanelStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-sync the panel's packages (missing ones are marked, products using them flagged) */
        post: operations["syncPanelPackages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/panels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the connection stage by stage (DNS, TCP, TLS, HTTP, authentication, IP allow-list, permissions) */
        post: operations["testPanel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List payment accounts */
        get: operations["listPaymentAccounts"];
        put?: never;
        /** Configure a payment provider account (credentials are validated against the plugin schema, encrypted and never returned) */
        post: operations["createPaymentAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a payment account */
        get: operations["getPaymentAccount"];
        put?: never;
        post?: never;
        /** Delete a payment account no checkout used */
        delete: operations["deletePaymentAccount"];
        options?: never;
        head?: never;
        /** Update a payment account (send credentials to replace them) */
        patch: operations["updatePaymentAccount"];
        trace?: never;
    };
    "/payment-accounts/{id}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the provider now for the status of recent open checkouts (also runs on a schedule) and queue what the hub missed */
        post: operations["reconcilePaymentAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-accounts/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the account's credentials against the provider's API */
        post: operations["testPaymentAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List verified payment provider events (newest first) */
        get: operations["listPaymentEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a payment provider event */
        get: operations["getPaymentEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plugins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Installed plugins with their manifests and configuration schemas */
        get: operations["listPlugins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List portals with their access-code counts */
        get: operations["listPortals"];
        put?: never;
        /** Create a portal (an Xtream server client apps connect to) */
        post: operations["createPortal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a portal */
        get: operations["getPortal"];
        put?: never;
        post?: never;
        /** Delete a portal that no access code uses (409 names the count otherwise) */
        delete: operations["deletePortal"];
        options?: never;
        head?: never;
        /** Update a portal (its codes follow the new URL at once) */
        patch: operations["updatePortal"];
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products */
        get: operations["listProducts"];
        put?: never;
        /** Create a product */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a product */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /** Delete a product no order or subscription refers to */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        /** Update a product */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/products/{id}/payment-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's underpayment policy (the default when none is set) */
        get: operations["getProductPaymentPolicy"];
        /** Set a product's underpayment policy: tolerance, then wait for a top-up or review */
        put: operations["setProductPaymentPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List workflow runs (filter by workflow, status, subscription, correlation id) */
        get: operations["listRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run with its steps, attempts, inputs and outputs (secrets redacted), errors with hints and timings */
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a run that has not finished */
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new run from the start with the same trigger data, on the run's revision or the latest (the run, and any earlier replay of it, must have finished) */
        post: operations["replayRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed run from its failed step */
        post: operations["retryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscriptions */
        get: operations["listSubscriptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a subscription with its history */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a subscription for good (its line is disabled) */
        post: operations["cancelSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a suspended or expired subscription (its line is enabled again) */
        post: operations["reactivateSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compare the subscription with its line on the panel, store the drift as findings (GET /drift) and optionally repair them */
        post: operations["reconcileSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew a subscription with a manual payment (creates a paid renewal order; the renewal workflow extends the line) */
        post: operations["renewSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a subscription (its line is disabled by the suspend workflow) */
        post: operations["suspendSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Subscribe a URL to events (the signing secret is returned once) */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its delivery log */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Update a webhook endpoint (enabled: true re-enables a disabled one) */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of an endpoint, newest first, with every attempt */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its attempts */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again (same webhook-id), with a fresh retry schedule */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the old one keeps signing during the overlap */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed webhook.test event to the endpoint */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event catalogue: every type with its payload JSON Schema and whether it is an alert */
        get: operations["listWebhookEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List workflows (built-in, operator files, API) and the operator files that were skipped as invalid */
        get: operations["listWorkflows"];
        put?: never;
        /** Create a workflow from YAML (revision 1); an invalid definition is refused with 422 and its problems */
        post: operations["createWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a workflow with its current YAML and its revisions */
        get: operations["getWorkflow"];
        /** Save a new revision (runs in flight keep theirs) */
        put: operations["updateWorkflow"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a workflow (no new runs; runs in flight finish) */
        post: operations["disableWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate a workflow against a sample event: what each step would do, without side effects */
        post: operations["dryRunWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a workflow again */
        post: operations["enableWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/revisions/{revision}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The YAML of one revision */
        get: operations["getWorkflowRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a run of a workflow with a manual trigger */
        post: operations["runWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or rotate the HMAC secret of the workflow's inbound hook (shown once) */
        post: operations["rotateWorkflowWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The actions steps may use, with their input schemas */
        get: operations["listWorkflowActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of workflow definitions (for editors: # yaml-language-server: $schema=<hub>/workflows/schema) */
        get: operations["getWorkflowSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a YAML definition (problems with line and column); nothing is saved */
        post: operations["validateWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "access_code.bruteforce_suspected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Failed code logins spiked: someone may be guessing codes
         * @description Sent to endpoints subscribed to `access_code.bruteforce_suspected`. Verify the signature (Standard Webhooks) on the raw body before trusting it. Alert: selected by the `@alerts` filter.
         */
        post: operations["on_access_code_bruteforce_suspected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "access_code.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An access code was issued
         * @description Sent to endpoints subscribed to `access_code.created`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_access_code_created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "access_code.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An access code was deleted
         * @description Sent to endpoints subscribed to `access_code.deleted`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_access_code_deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "access_code.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An access code changed (expiry, status)
         * @description Sent to endpoints subscribed to `access_code.updated`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_access_code_updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "drift.detected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reconcile found a subscription differing from its line on the panel (a new open finding); an alert when the line is missing
         * @description Sent to endpoints subscribed to `drift.detected`. Verify the signature (Standard Webhooks) on the raw body before trusting it. Alert: selected by the `@alerts` filter when `kind` is `line_missing`.
         */
        post: operations["on_drift_detected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "drift.repaired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The hub set the panel back to its intent for a drift finding (manually or by auto-repair)
         * @description Sent to endpoints subscribed to `drift.repaired`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_drift_repaired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "drift.resolved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A drift finding closed by itself: a later reconcile found the line in sync
         * @description Sent to endpoints subscribed to `drift.resolved`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_drift_resolved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "line.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A line was created on a panel
         * @description Sent to endpoints subscribed to `line.created`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_line_created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "line.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A line was deleted from its panel
         * @description Sent to endpoints subscribed to `line.deleted`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_line_deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "line.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A line was disabled
         * @description Sent to endpoints subscribed to `line.disabled`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_line_disabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "line.enabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A line was enabled again
         * @description Sent to endpoints subscribed to `line.enabled`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_line_enabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "line.extended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A line's expiry was extended
         * @description Sent to endpoints subscribed to `line.extended`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_line_extended"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "line.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A line was changed (package, connections, …)
         * @description Sent to endpoints subscribed to `line.updated`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_line_updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order was created (checkout started or manual order)
         * @description Sent to endpoints subscribed to `order.created`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_order_created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "panel.health_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A panel's health changed; an alert when it is down
         * @description Sent to endpoints subscribed to `panel.health_changed`. Verify the signature (Standard Webhooks) on the raw body before trusting it. Alert: selected by the `@alerts` filter when `to` is `down`.
         */
        post: operations["on_panel_health_changed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "panel.packages_synced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A panel's packages were synchronised
         * @description Sent to endpoints subscribed to `panel.packages_synced`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_panel_packages_synced"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment failed or expired
         * @description Sent to endpoints subscribed to `payment.failed`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_payment_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.partially_refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Part of a payment was refunded (a goodwill credit): recorded, the order stays paid and the subscription runs on
         * @description Sent to endpoints subscribed to `payment.partially_refunded`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_payment_partially_refunded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment was refunded in full (or disputed): the refund workflow cancels the subscription
         * @description Sent to endpoints subscribed to `payment.refunded`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_payment_refunded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.review_required": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment needs a human decision (underpayment, price or currency mismatch, paid after a refund, a renewal of a cancelled subscription, a refund or dispute that matches no order)
         * @description Sent to endpoints subscribed to `payment.review_required`. Verify the signature (Standard Webhooks) on the raw body before trusting it. Alert: selected by the `@alerts` filter.
         */
        post: operations["on_payment_review_required"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment was received and confirmed
         * @description Sent to endpoints subscribed to `payment.succeeded`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_payment_succeeded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.activated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription became active: its line exists on the panel
         * @description Sent to endpoints subscribed to `subscription.activated`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_activated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription was cancelled
         * @description Sent to endpoints subscribed to `subscription.cancelled`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_cancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription was created (not yet active)
         * @description Sent to endpoints subscribed to `subscription.created`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription expired
         * @description Sent to endpoints subscribed to `subscription.expired`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_expired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.expiring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription expires soon (reminder)
         * @description Sent to endpoints subscribed to `subscription.expiring`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_expiring"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.line_recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A line created for a subscription that was cancelled meanwhile (a refund during provisioning) was recorded on it; the subscription stays cancelled and the line is disabled
         * @description Sent to endpoints subscribed to `subscription.line_recorded`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_line_recorded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.panel_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription moved to another panel (its line was provisioned on the product's fallback panel)
         * @description Sent to endpoints subscribed to `subscription.panel_changed`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_panel_changed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.reactivated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A lapsed or suspended subscription is active again
         * @description Sent to endpoints subscribed to `subscription.reactivated`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_reactivated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.renewed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription was renewed: its expiry moved forward
         * @description Sent to endpoints subscribed to `subscription.renewed`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_renewed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.suspended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription was suspended (payment failed, manual action)
         * @description Sent to endpoints subscribed to `subscription.suspended`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_subscription_suspended"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook_endpoint.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The hub disabled a webhook endpoint (it answered 410 Gone, or failed for the whole retry window)
         * @description Sent to endpoints subscribed to `webhook_endpoint.disabled`. Verify the signature (Standard Webhooks) on the raw body before trusting it. Alert: selected by the `@alerts` filter.
         */
        post: operations["on_webhook_endpoint_disabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sent by POST /webhook-endpoints/{id}/test to check a receiver; never emitted otherwise
         * @description Sent to endpoints subscribed to `webhook.test`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_webhook_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "workflow.run.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A workflow run failed after its retries; its subscription needs review
         * @description Sent to endpoints subscribed to `workflow.run.failed`. Verify the signature (Standard Webhooks) on the raw body before trusting it. Alert: selected by the `@alerts` filter.
         */
        post: operations["on_workflow_run_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "workflow.run.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A workflow run finished successfully
         * @description Sent to endpoints subscribed to `workflow.run.succeeded`. Verify the signature (Standard Webhooks) on the raw body before trusting it.
         */
        post: operations["on_workflow_run_succeeded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        AccessCodeBulkDto: {
            /**
             * @description move changes the portal (portalId); setExpiry takes expiryMode and/or expiresAt
             * @enum {string}
             */
            action: "activate" | "deactivate" | "delete" | "setExpiry" | "move";
            /** Format: date-time */
            expiresAt?: string;
            /** @enum {string} */
            expiryMode?: "date" | "lifetime" | "default";
            /** @description Target every code matching (at least one criterion; at most 10000 codes) */
            filter?: components["schemas"]["AccessCodeFilterDto"];
            /** @description Target these codes (or give filter) */
            ids?: string[];
            /**
             * Format: uuid
             * @description Target portal of move
             */
            portalId?: string;
        };
        AccessCodeBulkResultDto: {
            /** @enum {string} */
            action: "activate" | "deactivate" | "delete" | "setExpiry" | "move";
            /** @description Codes targeted */
            matched: number;
            results: components["schemas"]["BulkItemResultDto"][];
            summary: components["schemas"]["BulkSummaryDto"];
        };
        AccessCodeDto: {
            /** @example K7M2XQ */
            code: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the code stops working (null: never)
             */
            effectiveExpiresAt: string | null;
            /**
             * Format: date-time
             * @description The instant of mode date
             */
            expiresAt: string | null;
            /** @enum {string} */
            expiryMode: "date" | "lifetime" | "default";
            id: string;
            importId: string | null;
            notes: string | null;
            portalId: string;
            portalName: string;
            /**
             * @description active, inactive, lifetime or expired
             * @enum {string}
             */
            state: "active" | "inactive" | "lifetime" | "expired";
            /** @enum {string} */
            status: "active" | "inactive";
            /**
             * Format: date-time
             * @description The linked subscription's expiry as last reported
             */
            subscriptionExpiresAt: string | null;
            subscriptionId: string | null;
            /** Format: date-time */
            updatedAt: string;
            username: string;
        };
        AccessCodeExportDto: {
            /** @description Export only the codes matching (all codes when absent) */
            filter?: components["schemas"]["AccessCodeFilterDto"];
            /**
             * @description Include the Xtream passwords (audited)
             * @default false
             */
            includeCredentials?: boolean;
        };
        AccessCodeFilterDto: {
            /** @description true: past their expiry · false: not expired (whatever the status) */
            expired?: boolean;
            /** @enum {string} */
            expiryMode?: "date" | "lifetime" | "default";
            /**
             * Format: uuid
             * @description Codes created by this import
             */
            importId?: string;
            /** @description true: linked to a subscription · false: not linked */
            linked?: boolean;
            /** Format: uuid */
            portalId?: string;
            /** @description Case-insensitive match on code, username or notes */
            search?: string;
            /**
             * @description Derived display state
             * @enum {string}
             */
            state?: "active" | "inactive" | "lifetime" | "expired";
            /** @enum {string} */
            status?: "active" | "inactive";
            /** Format: uuid */
            subscriptionId?: string;
        };
        AccessCodeImportDto: {
            codeLength: number;
            /** @description Rows created (dry run: that would be created) */
            created: number;
            /** Format: date-time */
            createdAt: string;
            defaultPortalId: string | null;
            dryRun: boolean;
            duplicate: number;
            error: string | null;
            fileName: string | null;
            /** @description true once the status is completed, rejected or failed */
            finished: boolean;
            /** Format: date-time */
            finishedAt: string | null;
            id: string;
            invalid: number;
            /** @enum {string} */
            mode: "all-or-nothing" | "skip-invalid";
            percent: number;
            processedBytes: number;
            /** @description Data rows read so far */
            rows: number;
            /** Format: date-time */
            startedAt: string | null;
            /**
             * @description uploading → queued → validating → writing → completed | rejected (all-or-nothing found problems, nothing written) | failed
             * @enum {string}
             */
            status: "uploading" | "queued" | "validating" | "writing" | "completed" | "rejected" | "failed";
            totalBytes: number;
        };
        AccessCodeImportPageDto: {
            items: components["schemas"]["AccessCodeImportDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        AccessCodePageDto: {
            items: components["schemas"]["AccessCodeDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        AccessCodeSecretDto: {
            code: string;
            id: string;
            password: string;
            portalUrl: string;
            username: string;
        };
        ApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: Record<string, never> | null;
            id: string;
            ipAllowList: string[] | null;
            /** Format: date-time */
            lastUsedAt: Record<string, never> | null;
            name: string;
            /** @description First characters of the key, to tell keys apart */
            prefix: string;
            /** Format: date-time */
            revokedAt: Record<string, never> | null;
            scopes: string[];
        };
        ApiKeyListDto: {
            items: components["schemas"]["ApiKeyDto"][];
        };
        AuditEntryDto: {
            action: string;
            actorId: string;
            /** @enum {string} */
            actorType: "api_key" | "system" | "anonymous";
            /** Format: date-time */
            at: string;
            /** @description Position in the hash chain once sealed */
            chainSeq: string | null;
            correlationId: string;
            details: {
                [key: string]: unknown;
            };
            hash: string | null;
            id: string;
            ip: string | null;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            targetId: string | null;
            targetType: string | null;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        BulkItemResultDto: {
            code: string | null;
            id: string;
            /** @enum {string} */
            outcome: "updated" | "unchanged" | "deleted" | "not_found";
        };
        BulkSummaryDto: {
            deleted: number;
            notFound: number;
            unchanged: number;
            updated: number;
        };
        ChainReportDto: {
            firstBrokenId: string | null;
            reason: string | null;
            /** @description Entries verified in the chain */
            sealed: number;
            /** @description Recent entries not yet sealed (sealed within seconds) */
            unsealed: number;
            valid: boolean;
        };
        CheckoutDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description Provider details (payment instructions for manual accounts) */
            details: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            expiresAt: string | null;
            id: string;
            orderId: string;
            paymentAccountId: string;
            /** @example stripe */
            provider: string;
            /** @description The provider's id of the checkout / invoice / order */
            providerPaymentId: string;
            recurring: boolean;
            /** @description Hosted checkout page or invoice to send the buyer to */
            redirectUrl: string | null;
            /** @enum {string} */
            status: "open" | "paid" | "partially_paid" | "failed" | "refunded";
        };
        CodeCapacityDto: {
            /** @description true when generation of this length is refused */
            exhausted: boolean;
            /** @description used / space */
            fillRatio: number;
            free: number;
            length: number;
            /** @description Distinct codes of this length */
            space: number;
            used: number;
        };
        CodeCapacityListDto: {
            lengths: components["schemas"]["CodeCapacityDto"][];
        };
        CodeLoginDto: {
            /**
             * @description The access code (case-insensitive, surrounding spaces ignored)
             * @example K7M2XQ
             */
            code: string;
        };
        CodeLoginResultDto: {
            /** @example K7M2XQ */
            code: string;
            /**
             * Format: date-time
             * @description When the code stops working (null: never)
             */
            expiresAt: string | null;
            /** @description Xtream password */
            password: string;
            portalName: string;
            /**
             * @description The Xtream server to connect to
             * @example http://line.example.com:8080
             */
            portalUrl: string;
            /** @description Xtream username */
            username: string;
        };
        ConnectionStageDto: {
            detail: string;
            durationMs?: number;
            hint?: string;
            ok: boolean;
            stage: string;
        };
        CreateAccessCodeDto: {
            /**
             * @description A custom code (4–6 of A–Z without O and 1–9; upper-cased and trimmed). Omit to generate one.
             * @example K7M2XQ
             */
            code?: string;
            /**
             * Format: date-time
             * @description The expiry instant of mode date
             */
            expiresAt?: string;
            /**
             * @description date: at expiresAt · lifetime: never · default: the linked subscription's expiry (none when unlinked). Default: date when expiresAt is given, else default.
             * @enum {string}
             */
            expiryMode?: "date" | "lifetime" | "default";
            /**
             * @description Length of a generated code
             * @default 6
             */
            length?: number;
            notes?: string;
            /**
             * @description Xtream password (encrypted at rest; returned only by code login and the audited reveal)
             * @example p4ss-w0rd
             */
            password: string;
            /** Format: uuid */
            portalId: string;
            /**
             * @default active
             * @enum {string}
             */
            status?: "active" | "inactive";
            /**
             * Format: uuid
             * @description The subscription (line) the code belongs to
             */
            subscriptionId?: string;
            /**
             * @description Xtream username
             * @example line_4821
             */
            username: string;
        };
        CreateApiKeyDto: {
            /** Format: date-time */
            expiresAt?: string;
            /**
             * @description Addresses or CIDR ranges allowed to use the key
             * @example [
             *       "203.0.113.7",
             *       "10.0.0.0/8"
             *     ]
             */
            ipAllowList?: string[];
            /** @example storefront */
            name: string;
            /**
             * @description admin, operator, read-only, or <resource>:read / <resource>:write
             * @example [
             *       "operator"
             *     ]
             */
            scopes: string[];
        };
        CreateCheckoutDto: {
            /** @example https://shop.example/cart */
            cancelUrl?: string;
            /**
             * Format: uuid
             * @description The payment account (provider instance) to pay with
             */
            paymentAccountId: string;
            /**
             * @description Ask the provider for a recurring payment renewed every product duration (Stripe and PayPal subscriptions); renewals then arrive as webhooks
             * @default false
             */
            recurring?: boolean;
            /**
             * @description Where the provider sends the buyer after paying
             * @example https://shop.example/thanks
             */
            successUrl?: string;
        };
        CreateCustomerDto: {
            /** @example jane@example.com */
            email: string;
            /**
             * @example {
             *       "storefront": "cust_812",
             *       "stripe": "cus_N1"
             *     }
             */
            externalRefs?: {
                [key: string]: string;
            };
            /** @example Jane Doe */
            name?: string;
            notes?: string;
        };
        CreatedApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: Record<string, never> | null;
            id: string;
            ipAllowList: string[] | null;
            /** @description The key itself. It is shown only in this response; store it now. */
            key: string;
            /** Format: date-time */
            lastUsedAt: Record<string, never> | null;
            name: string;
            /** @description First characters of the key, to tell keys apart */
            prefix: string;
            /** Format: date-time */
            revokedAt: Record<string, never> | null;
            scopes: string[];
        };
        CreatedWebhookEndpointDto: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** Format: date-time */
            disabledAt: string | null;
            /**
             * @description Why the endpoint is disabled: by an operator, it answered 410 Gone, or it failed for the whole retry window
             * @enum {string|null}
             */
            disabledReason: "manual" | "gone" | "failing" | null;
            enabled: boolean;
            eventTypes: string[];
            /**
             * Format: date-time
             * @description First failure since the last success
             */
            failingSince: string | null;
            /** @description Names of the custom headers (values are never returned) */
            headerNames: string[];
            id: string;
            includeCredentials: boolean;
            /** Format: date-time */
            lastFailureAt: string | null;
            /** Format: date-time */
            lastSuccessAt: string | null;
            /**
             * Format: date-time
             * @description Until then the previous secret also signs
             */
            previousSecretExpiresAt: string | null;
            rateLimitPerSecond: number | null;
            /**
             * @description The signing secret: shown only now; verify deliveries with it
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        CreateOrderDto: {
            /** @description Defaults to the product's price */
            amountMinor?: number;
            /**
             * @description Defaults to the product's currency
             * @example EUR
             */
            currency?: string;
            /** Format: uuid */
            customerId: string;
            /**
             * @default new
             * @enum {string}
             */
            kind?: "new" | "renewal" | "upgrade";
            /** @description Free-form string labels */
            metadata?: Record<string, never>;
            /**
             * Format: uuid
             * @description For an upgrade: the new product
             */
            productId: string;
            /**
             * @description Payment provider id (plugin id), or manual
             * @default manual
             */
            provider?: string;
            /** @description The provider's payment id: unique per provider, a repeat returns the existing order */
            providerPaymentId?: string;
            /**
             * Format: uuid
             * @description Required for renewal and upgrade orders
             */
            subscriptionId?: string;
        };
        CreatePanelDto: {
            /**
             * @description Omitted for cloud panels
             * @example https://panel.example.com:25500
             */
            baseUrl?: string;
            /** @description Shape given by the plugin's config schema; stored encrypted, never returned */
            credentials: {
                [key: string]: unknown;
            };
            /** @example Main XUI panel */
            name: string;
            options?: components["schemas"]["PanelOptionsDto"];
            /**
             * @description Id of an installed panel plugin (GET /plugins)
             * @example xui-admin
             */
            type: string;
        };
        CreatePanelLineDto: {
            /** @description Expiry as days from now */
            durationDays?: number;
            /**
             * Format: date-time
             * @description Expiry instant; null = never expires. Give this or durationDays.
             */
            expiresAt?: string | null;
            isTrial?: boolean;
            maxConnections: number;
            notes?: string;
            /** @description The panel's package id (GET /panels/{id}/packages) */
            packageId: string;
            /** @description Random if omitted */
            password?: string;
            /** @description Generated (deterministically from the Idempotency-Key when given) if omitted */
            username?: string;
        };
        CreatePaymentAccountDto: {
            /** @description Shape given by the plugin's config schema; stored encrypted, never returned */
            credentials: {
                [key: string]: unknown;
            };
            /** @default true */
            enabled?: boolean;
            /** @example Stripe live */
            name: string;
            /**
             * @description Id of an installed payment plugin (GET /plugins)
             * @example stripe
             */
            type: string;
        };
        CreatePortalDto: {
            /** @example Main portal */
            name: string;
            notes?: string;
            /**
             * @description The Xtream server URL client apps connect to
             * @example http://line.example.com:8080
             */
            url: string;
        };
        CreateProductDto: {
            /** @default true */
            active?: boolean;
            /**
             * @description ISO 4217 code
             * @example EUR
             */
            currency: string;
            /**
             * @example months
             * @enum {string}
             */
            durationUnit: "hours" | "days" | "months";
            /** @example 1 */
            durationValue: number;
            /** @description The package id on the fallback panel */
            fallbackPackageExternalId?: string | null;
            /**
             * Format: uuid
             * @description Panel used when the primary is down or answers MAX_USERS_REACHED (needs fallbackPackageExternalId)
             */
            fallbackPanelId?: string | null;
            /** @example 2 */
            maxConnections: number;
            /** @example 1 month, 2 connections */
            name: string;
            /**
             * @description The panel's package / bouquet / tariff id
             * @example 3
             */
            packageExternalId: string;
            /** Format: uuid */
            panelId: string;
            /**
             * @description Price in minor units (cents)
             * @example 1299
             */
            priceMinor: number;
            /**
             * @description Reseller credits one line costs
             * @example 1
             */
            resellerCreditCost?: number;
            /**
             * @description A trial line (durations usually in hours)
             * @default false
             */
            trial?: boolean;
        };
        CreateWebhookEndpointDto: {
            /** @example CRM: send customers their credentials */
            description?: string;
            /** @default true */
            enabled?: boolean;
            /**
             * @description Event types to receive: exact names, `prefix.*`, `*`, or `@alerts` (every alert event: failed runs, panels down, brute force, disabled endpoints, payments needing review)
             * @example [
             *       "subscription.*",
             *       "line.created",
             *       "@alerts"
             *     ]
             */
            eventTypes: string[];
            /**
             * @description Extra request headers (stored encrypted; only their names are returned). PATCH replaces them all.
             * @example {
             *       "Authorization": "Bearer chat-bot-token"
             *     }
             */
            headers?: {
                [key: string]: string;
            };
            /**
             * @description Send line credentials in payloads (HTTPS endpoints only unless the hub is configured for local development)
             * @default false
             */
            includeCredentials?: boolean;
            /** @description At most this many delivery attempts per second (across all workers); null = unlimited */
            rateLimitPerSecond?: Record<string, never> | null;
            /**
             * @description http(s) URL; addresses on private, loopback, link-local or metadata networks are refused unless the operator allows them
             * @example https://crm.example.com/hooks/iptv
             */
            url: string;
        };
        CustomerDto: {
            /** Format: date-time */
            createdAt: string;
            email: string;
            externalRefs: {
                [key: string]: string;
            };
            id: string;
            name: string | null;
            notes: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        CustomerPageDto: {
            items: components["schemas"]["CustomerDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        DefinitionProblemDto: {
            column: number;
            file: string;
            /** @enum {string} */
            kind: "yaml" | "schema" | "unknown-action" | "input" | "step-ref" | "expression" | "duplicate" | "trigger";
            line: number;
            message: string;
            /** @description Path inside the document, e.g. steps.0.with.panel */
            path: string;
        };
        DriftDto: {
            /** @description The stored finding (GET /drift/{id}) */
            findingId?: string;
            /** @description What the hub holds */
            hub: Record<string, never> | null;
            /** @enum {string} */
            kind: "line_missing" | "expiry_differs" | "enabled_differs" | "package_differs" | "connections_differs" | "panel_unreachable";
            /** @description What the panel holds */
            panel: Record<string, never> | null;
            repaired?: boolean;
            /**
             * @description With repair=true: the problem code that kept it from being repaired
             * @example REPAIR_NOT_SUPPORTED
             */
            repairError?: string;
        };
        DriftFindingDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            firstSeenAt: string;
            /** @description What the hub holds (its intent), as last seen */
            hub: Record<string, never> | null;
            id: string;
            /** @enum {string} */
            kind: "line_missing" | "expiry_differs" | "enabled_differs" | "package_differs" | "connections_differs" | "panel_unreachable";
            /** Format: date-time */
            lastSeenAt: string;
            lineId: string | null;
            /** @description What the panel holds, as last seen */
            panel: Record<string, never> | null;
            panelId: string;
            repair: components["schemas"]["DriftRepairDto"] | null;
            /** Format: date-time */
            repairedAt: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** @description How many reconciles saw it */
            seenCount: number;
            /**
             * @description open: seen at the last reconcile; resolved: in sync again by itself; repaired: set back by the hub
             * @enum {string}
             */
            status: "open" | "resolved" | "repaired";
            subscriptionId: string;
            /** Format: date-time */
            updatedAt: string;
        };
        DriftFindingPageDto: {
            items: components["schemas"]["DriftFindingDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        DriftRepairDto: {
            /**
             * @description The panel operation, e.g. createLine, extendLine
             * @example createLine
             */
            action: string;
            /** Format: date-time */
            at: string;
            /** @description Repaired by the scheduled reconcile (HUB_DRIFT_AUTO_REPAIR) */
            auto: boolean;
            reason: string;
            /** @description What the panel answered (line id, new line id, expiry, enabled, package, connections) */
            result?: Record<string, never>;
        };
        DryRunReportDto: {
            steps: components["schemas"]["DryRunStepDto"][];
            /** @description Whether the trigger condition (on.if) matches the sample event */
            triggered: boolean;
        };
        DryRunRequestDto: {
            /** @description A sample event: its payload fields, as expressions see `event` */
            event?: Record<string, never>;
            inputs?: Record<string, never>;
        };
        DryRunStepDto: {
            error: Record<string, never> | null;
            input: Record<string, never> | null;
            output: Record<string, never> | null;
            /** @enum {string} */
            status: "would_run" | "skipped" | "error";
            stepId: string;
            uses: string;
            wouldDo: string | null;
        };
        EventDto: {
            correlationId: string;
            /** Format: date-time */
            dispatchedAt: string | null;
            id: string;
            /** Format: date-time */
            occurredAt: string;
            payload: {
                [key: string]: unknown;
            };
            subject: components["schemas"]["EventSubjectDto"] | null;
            /** @example line.created */
            type: string;
        };
        EventPageDto: {
            items: components["schemas"]["EventDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        EventSubjectDto: {
            id: string;
            type: string;
        };
        EventTypeAlertDto: {
            /** @example down */
            equals?: string;
            /** @example status */
            field?: string;
        };
        EventTypeDto: {
            /** @description Whether the `@alerts` filter selects it */
            alert: boolean;
            /** @description Condition on the payload for the event to count as an alert */
            alertWhen: components["schemas"]["EventTypeAlertDto"] | null;
            description: string;
            /** @description JSON Schema of the payload (`data`) */
            schema: {
                [key: string]: unknown;
            };
            /** @example subscription.activated */
            type: string;
        };
        EventTypeListDto: {
            items: components["schemas"]["EventTypeDto"][];
        };
        ExtendPanelLineDto: {
            /** @description Days added to the current expiry (or to now when already expired) */
            days?: number;
            /**
             * Format: date-time
             * @description The new expiry. Give this or days.
             */
            expiresAt?: string;
            /** @description Needed by panels that address lines by credentials */
            password?: string;
            /** @description Needed by panels that address lines by credentials */
            username?: string;
        };
        FieldErrorDto: {
            /** @example isString */
            code?: string;
            /** @example name */
            field: string;
            /** @example name must be a string */
            message: string;
        };
        ImportRowDto: {
            /** @description The code given or generated */
            code: string | null;
            field: string | null;
            /** @description Line of the file where the row ends */
            line: number;
            /** @enum {string} */
            outcome: "created" | "invalid" | "duplicate";
            reason: string | null;
            /** @description 1 = the first row after the header */
            row: number;
        };
        ImportRowPageDto: {
            items: components["schemas"]["ImportRowDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        LineCredentialsDto: {
            /** @description Needed by panels that address lines by credentials */
            password?: string;
            /** @description Needed by panels that address lines by credentials */
            username?: string;
        };
        LineVerificationDto: {
            activeConnections?: number;
            /** Format: date-time */
            expiresAt?: string | null;
            isTrial?: boolean;
            maxConnections?: number;
            /** @enum {string} */
            status: "active" | "expired" | "banned" | "disabled" | "invalid";
            /** @description The credentials are accepted and the line can play now */
            valid: boolean;
        };
        ManualRunDto: {
            /** @description Inputs declared by the workflow (inputs:) */
            inputs?: Record<string, never>;
        };
        MarkPaidDto: {
            /** @description Amount received, when it differs from the order amount (less → partially_paid) */
            amountMinor?: number;
            /** @description Reference of the manual payment (bank transfer, cash receipt…); unique per provider */
            providerPaymentId?: string;
            /** @example Paid by bank transfer */
            reason?: string;
        };
        OrderDto: {
            amountMinor: number;
            amountPaidMinor: number | null;
            /** @description Refunded at the provider so far: less than paid is a partial refund (the order stays paid); on an unpaid order, a refund that came before its payment (a later "paid" goes to review) */
            amountRefundedMinor: number | null;
            /** Format: date-time */
            createdAt: string;
            currency: string;
            customerId: string;
            /** Format: date-time */
            failedAt: string | null;
            id: string;
            /** @enum {string} */
            kind: "new" | "renewal" | "upgrade";
            metadata: Record<string, never> | null;
            /** Format: date-time */
            paidAt: string | null;
            productId: string;
            provider: string;
            providerPaymentId: string | null;
            /** Format: date-time */
            refundedAt: string | null;
            /** @enum {string} */
            status: "pending" | "paid" | "failed" | "refunded" | "partially_paid";
            subscriptionId: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        OrderPageDto: {
            items: components["schemas"]["OrderDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        OrderReasonDto: {
            /** @example Card declined */
            reason: string;
        };
        PackageSyncResultDto: {
            added: number;
            /** @description Products newly flagged because their package is missing */
            flaggedProducts: string[];
            /** @description Packages known to the hub but no longer on the panel */
            missing: number;
            panelId: string;
            reappeared: number;
            total: number;
            updated: number;
        };
        PanelBreakerDto: {
            /**
             * @description Consecutive transient failures (timeouts, refused connections, 5xx) that pause calls
             * @example 10
             */
            failureThreshold: number;
            /**
             * @description How long calls stay paused before one trial call
             * @example 15000
             */
            openMs: number;
        };
        PanelConnectionsDto: {
            /** @description Active connections by line (panel line id) */
            byLine: {
                [key: string]: number;
            };
            panelId: string;
            /** @description Active connections on the panel */
            total: number;
        };
        PanelDto: {
            baseUrl: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Credential fields that are set (values are never returned) */
            credentialFields: string[];
            id: string;
            /** Format: date-time */
            lastCheckedAt: string | null;
            lastHealth: {
                [key: string]: unknown;
            } | null;
            name: string;
            options: components["schemas"]["PanelOptionsViewDto"];
            /** @enum {string} */
            status: "healthy" | "degraded" | "down" | "unknown";
            type: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PanelLineDto: {
            activeConnections?: number;
            banned: boolean;
            bouquetIds: string[];
            enabled: boolean;
            /**
             * Format: date-time
             * @description null = never expires
             */
            expiresAt: string | null;
            /** @description The panel's id of the line */
            externalId: string;
            isTrial: boolean;
            maxConnections: number;
            notes: string | null;
            packageId: string | null;
            /** @description The line password, when the panel returns it */
            password?: string;
            username: string;
        };
        PanelOptionsDto: {
            breaker?: components["schemas"]["PanelBreakerDto"];
            /** @default 10 */
            maxConcurrent?: number;
            /** @default 20 */
            maxPerSecond?: number;
            retry?: components["schemas"]["PanelRetryDto"];
            /** @default 15000 */
            timeoutMs?: number;
            tls?: components["schemas"]["PanelTlsDto"];
        };
        PanelOptionsViewDto: {
            breaker?: components["schemas"]["PanelBreakerDto"];
            maxConcurrent: number;
            maxPerSecond: number;
            retry: components["schemas"]["PanelRetryDto"];
            timeoutMs: number;
            tls?: components["schemas"]["PanelTlsDto"];
        };
        PanelPackageDto: {
            channelCount: number | null;
            creditCost: number | null;
            durationDays: number | null;
            /** @description The panel's id of the package */
            externalId: string;
            id: string;
            isTrial: boolean | null;
            /** Format: date-time */
            lastSeenAt: string;
            maxConnections: number | null;
            /** @description The package disappeared from the panel at a sync */
            missing: boolean;
            name: string;
            /** @description The panel's own record */
            raw: {
                [key: string]: unknown;
            } | null;
            seriesCount: number | null;
            vodCount: number | null;
        };
        PanelPackageListDto: {
            items: components["schemas"]["PanelPackageDto"][];
        };
        PanelPageDto: {
            items: components["schemas"]["PanelDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        PanelRetryDto: {
            /** @example 3 */
            attempts: number;
            /** @example 500 */
            baseDelayMs: number;
        };
        PanelServerDto: {
            activeConnections?: number;
            id: string;
            name: string;
            online: boolean;
        };
        PanelStatusDto: {
            /**
             * @description State of this process's circuit breaker for the panel
             * @enum {string}
             */
            circuit: "closed" | "open" | "half-open";
            panelId: string;
            servers: components["schemas"]["PanelServerDto"][];
            /** @enum {string} */
            status: "healthy" | "degraded" | "down" | "unknown";
        };
        PanelTestReportDto: {
            /** @enum {string} */
            failedStage?: "dns" | "tcp" | "tls" | "http" | "authentication" | "ip_allow_list" | "permissions";
            /** @description The local address the hub connected from */
            hubAddress: string | null;
            ok: boolean;
            panelId: string;
            /** @description A self-signed certificate was accepted because the panel is configured to allow it */
            selfSignedAccepted: boolean;
            /** @description Stages in the order they ran; the run stops at the first failure */
            stages: components["schemas"]["ConnectionStageDto"][];
            /** Format: date-time */
            testedAt: string;
            warnings: string[];
        };
        PanelTlsDto: {
            /** @description Accept a self-signed certificate (explicit choice; reported by the connection test) */
            allowSelfSigned?: boolean;
            /** @description PEM of a custom CA that signed the panel's certificate */
            caCert?: string;
        };
        PaymentAccountDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description Configuration fields that are set (values are never returned) */
            credentialFields: string[];
            enabled: boolean;
            id: string;
            lastTest: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            lastTestedAt: string | null;
            name: string;
            type: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description Where to point the provider's webhooks (relative to the hub's public URL)
             * @example /hooks/payments/stripe/0190…
             */
            webhookPath: string;
        };
        PaymentAccountPageDto: {
            items: components["schemas"]["PaymentAccountDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        PaymentAccountTestDto: {
            failedStage?: string;
            ok: boolean;
            stages: components["schemas"]["ConnectionStageDto"][];
        };
        PaymentEventDto: {
            /** Format: date-time */
            appliedAt: string | null;
            detail: {
                [key: string]: unknown;
            } | null;
            event: {
                [key: string]: unknown;
            };
            id: string;
            orderId: string | null;
            paymentAccountId: string;
            provider: string;
            /** @description The provider's stable key (dedupe) */
            providerEventId: string;
            providerEventType: string | null;
            providerPaymentId: string | null;
            /** Format: date-time */
            receivedAt: string;
            /** @enum {string} */
            source: "webhook" | "reconcile";
            /** @enum {string} */
            status: "received" | "applied" | "ignored" | "recorded" | "review" | "unmatched" | "rejected";
            /** @description Normalised type */
            type: string;
        };
        PaymentEventPageDto: {
            items: components["schemas"]["PaymentEventDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        PaymentPolicyDto: {
            /**
             * @description Shortfalls up to this share of the price are accepted as full payment
             * @example 1
             */
            tolerancePercent: number;
            /**
             * @description Beyond the tolerance: wait for a top-up (a final underpayment then goes to review) or review at once
             * @enum {string}
             */
            underpayment: "wait" | "review";
        };
        PluginListDto: {
            items: components["schemas"]["PluginManifestDto"][];
            /** @description Plugins that were found but skipped, with the reason */
            problems: components["schemas"]["PluginProblemDto"][];
        };
        PluginManifestDto: {
            capabilities: string[];
            /** @description JSON Schema of the configuration / credentials */
            configSchema: {
                [key: string]: unknown;
            };
            description: string | null;
            id: string;
            /** @enum {string} */
            kind: "panel" | "payment";
            name: string;
            /** @description SDK version range the plugin was written for */
            sdk: string;
            /** @description Configuration fields that are secret (stored encrypted, never returned) */
            secretFields: string[];
            version: string;
        };
        PluginProblemDto: {
            message: string;
            /** @description Package or module that failed to load */
            source: string;
        };
        PortalDto: {
            /** @description How many access codes resolve to this portal */
            codeCount: number;
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            notes: string | null;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        PortalPageDto: {
            items: components["schemas"]["PortalDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        ProblemDto: {
            /**
             * @description Stable, machine-readable error code
             * @example VALIDATION_FAILED
             */
            code: string;
            /** @example 0b9e1f0e-8d6a-4a3c-9f51-2f3f5f8c1d2e */
            correlationId: string;
            /** @example name: name must be a string */
            detail: string;
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @example /panels */
            instance?: string;
            /** @example 400 */
            status: number;
            /** @example Invalid request */
            title: string;
            /** @example https://iptv-hub.dev/problems/validation-failed */
            type: string;
        };
        ProductDto: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            currency: string;
            /** @enum {string} */
            durationUnit: "hours" | "days" | "months";
            durationValue: number;
            fallbackPackageExternalId: string | null;
            /** Format: uuid */
            fallbackPanelId: string | null;
            id: string;
            maxConnections: number;
            name: string;
            packageExternalId: string;
            packageMissing: boolean;
            panelId: string;
            priceMinor: number;
            resellerCreditCost: number | null;
            trial: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        ProductPageDto: {
            items: components["schemas"]["ProductDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        ReasonDto: {
            /**
             * @description Why (kept in the audit log)
             * @example Panel maintenance finished
             */
            reason: string;
        };
        ReconcileReportDto: {
            /** Format: date-time */
            checkedAt: string;
            drift: components["schemas"]["DriftDto"][];
            inSync: boolean;
            lineId: string | null;
            subscriptionId: string;
        };
        ReconcileResultDto: {
            /** @description Open checkouts whose status was asked of the provider */
            checked: number;
            /** @description Provider states the hub had missed, queued as events */
            found: number;
        };
        RenewSubscriptionDto: {
            /**
             * Format: uuid
             * @description Another product makes this an upgrade; default: the same product
             */
            productId?: string;
            /** @description Reference of the manual payment */
            providerPaymentId?: string;
            reason?: string;
        };
        RepairDriftDto: {
            /**
             * @description Why (kept in the audit log and the finding)
             * @example Line deleted by mistake on the panel
             */
            reason?: string;
        };
        ReplayDto: {
            /**
             * @description Why (kept in the audit log)
             * @example Panel maintenance finished
             */
            reason: string;
            /**
             * @description Run on the original run's revision or the workflow's latest
             * @default same
             * @enum {string}
             */
            revision?: "same" | "latest";
        };
        RotateSecretDto: {
            /**
             * @description Seconds during which the old secret keeps signing next to the new one
             * @default 86400
             */
            overlapSeconds?: number;
        };
        RunDto: {
            concurrencyKey: string | null;
            correlationId: string;
            /** Format: date-time */
            createdAt: string;
            durationMs: number | null;
            error: components["schemas"]["RunErrorDto"] | null;
            /** @description The triggering event (secrets redacted) */
            event: Record<string, never>;
            /** Format: date-time */
            finishedAt: string | null;
            id: string;
            inputs: Record<string, never>;
            /** @description The run this one replays */
            parentRunId: string | null;
            /** @enum {string} */
            phase: "main" | "on_failure";
            /** @description The definition revision the run started with (and keeps) */
            revision: number;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
            steps?: components["schemas"]["RunStepDto"][];
            subscriptionId: string | null;
            /** @description type: event | schedule | webhook | manual | replay, with its details */
            trigger: Record<string, never>;
            /** Format: date-time */
            updatedAt: string;
            workflowId: string;
        };
        RunErrorDto: {
            code: string;
            hint?: string;
            message: string;
            retryable?: boolean;
            stepId?: string;
        };
        RunPageDto: {
            items: components["schemas"]["RunDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        RunStepDto: {
            attemptLog: components["schemas"]["StepAttemptDto"][];
            attempts: number;
            error: components["schemas"]["RunErrorDto"] | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Evaluated inputs, secrets redacted */
            input: Record<string, never> | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** @description Output, secrets redacted */
            output: Record<string, never> | null;
            /** @enum {string} */
            phase: "main" | "on_failure";
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "waiting" | "succeeded" | "failed" | "skipped" | "cancelled";
            stepId: string;
            uses: string;
        };
        StepAttemptDto: {
            attempt: number;
            durationMs?: number;
            error?: components["schemas"]["RunErrorDto"];
            /** Format: date-time */
            finishedAt?: string;
            /** @enum {string} */
            outcome: "succeeded" | "failed" | "suspended" | "interrupted";
            /** Format: date-time */
            startedAt: string;
        };
        SubscriptionDto: {
            /** Format: date-time */
            createdAt: string;
            customerId: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Whether a line password is stored (it is never returned) */
            hasPassword: boolean;
            history: components["schemas"]["SubscriptionHistoryDto"][];
            id: string;
            /** Format: date-time */
            lineDeletedAt: string | null;
            /** @description The panel's id of the line */
            lineId: string | null;
            maxConnections: number;
            packageExternalId: string;
            panelId: string;
            productId: string;
            /** @description Why the subscription needs review */
            reviewReason: Record<string, never> | null;
            /**
             * @description `failed` means the subscription needs review
             * @enum {string}
             */
            status: "pending" | "provisioning" | "active" | "grace" | "suspended" | "expired" | "cancelled" | "failed";
            /** Format: date-time */
            updatedAt: string;
            username: string | null;
        };
        SubscriptionHistoryDto: {
            /** Format: date-time */
            at: string;
            correlationId?: string;
            /** @enum {string|null} */
            from: "pending" | "provisioning" | "active" | "grace" | "suspended" | "expired" | "cancelled" | "failed" | null;
            reason: string;
            runId?: string;
            /** @enum {string} */
            to: "pending" | "provisioning" | "active" | "grace" | "suspended" | "expired" | "cancelled" | "failed";
        };
        SubscriptionPageDto: {
            items: components["schemas"]["SubscriptionDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        SubscriptionReasonDto: {
            /**
             * @description Why (kept in the audit log and the history)
             * @example Customer asked to pause
             */
            reason: string;
        };
        UpdateAccessCodeDto: {
            /** @description Codes are immutable: only the current code is accepted here (422 otherwise) */
            code?: string;
            /** Format: date-time */
            expiresAt?: string | null;
            /** @enum {string} */
            expiryMode?: "date" | "lifetime" | "default";
            notes?: string | null;
            /** @description Replaces the stored password */
            password?: string;
            /** Format: uuid */
            portalId?: string;
            /** @enum {string} */
            status?: "active" | "inactive";
            /**
             * Format: uuid
             * @description null unlinks the subscription
             */
            subscriptionId?: string | null;
            username?: string;
        };
        UpdateCustomerDto: {
            /** @example jane@example.com */
            email?: string;
            /**
             * @example {
             *       "storefront": "cust_812",
             *       "stripe": "cus_N1"
             *     }
             */
            externalRefs?: {
                [key: string]: string;
            };
            /** @example Jane Doe */
            name?: string;
            notes?: string;
        };
        UpdatePanelDto: {
            /**
             * @description Omitted for cloud panels
             * @example https://panel.example.com:25500
             */
            baseUrl?: string;
            /** @description Shape given by the plugin's config schema; stored encrypted, never returned */
            credentials?: {
                [key: string]: unknown;
            };
            /** @example Main XUI panel */
            name?: string;
            options?: components["schemas"]["PanelOptionsDto"];
            /**
             * @description Id of an installed panel plugin (GET /plugins)
             * @example xui-admin
             */
            type?: string;
        };
        UpdatePanelLineDto: {
            maxConnections?: number;
            /** @description The new password */
            newPassword?: string;
            /** @description Move the line to another package */
            packageId?: string;
            /** @description Needed by panels that address lines by credentials */
            password?: string;
            /** @description Needed by panels that address lines by credentials */
            username?: string;
        };
        UpdatePaymentAccountDto: {
            /** @description Shape given by the plugin's config schema; stored encrypted, never returned */
            credentials?: {
                [key: string]: unknown;
            };
            /** @default true */
            enabled?: boolean;
            /** @example Stripe live */
            name?: string;
            /**
             * @description Id of an installed payment plugin (GET /plugins)
             * @example stripe
             */
            type?: string;
        };
        UpdatePortalDto: {
            /** @example Main portal */
            name?: string;
            notes?: string;
            /**
             * @description The Xtream server URL client apps connect to
             * @example http://line.example.com:8080
             */
            url?: string;
        };
        UpdateProductDto: {
            /** @default true */
            active?: boolean;
            /**
             * @description ISO 4217 code
             * @example EUR
             */
            currency?: string;
            /**
             * @example months
             * @enum {string}
             */
            durationUnit?: "hours" | "days" | "months";
            /** @example 1 */
            durationValue?: number;
            /** @description The package id on the fallback panel */
            fallbackPackageExternalId?: string | null;
            /**
             * Format: uuid
             * @description Panel used when the primary is down or answers MAX_USERS_REACHED (needs fallbackPackageExternalId)
             */
            fallbackPanelId?: string | null;
            /** @example 2 */
            maxConnections?: number;
            /** @example 1 month, 2 connections */
            name?: string;
            /**
             * @description The panel's package / bouquet / tariff id
             * @example 3
             */
            packageExternalId?: string;
            /** Format: uuid */
            panelId?: string;
            /**
             * @description Price in minor units (cents)
             * @example 1299
             */
            priceMinor?: number;
            /**
             * @description Reseller credits one line costs
             * @example 1
             */
            resellerCreditCost?: number;
            /**
             * @description A trial line (durations usually in hours)
             * @default false
             */
            trial?: boolean;
        };
        UpdateWebhookEndpointDto: {
            /** @example CRM: send customers their credentials */
            description?: string;
            /** @default true */
            enabled?: boolean;
            /**
             * @description Event types to receive: exact names, `prefix.*`, `*`, or `@alerts` (every alert event: failed runs, panels down, brute force, disabled endpoints, payments needing review)
             * @example [
             *       "subscription.*",
             *       "line.created",
             *       "@alerts"
             *     ]
             */
            eventTypes?: string[];
            /**
             * @description Extra request headers (stored encrypted; only their names are returned). PATCH replaces them all.
             * @example {
             *       "Authorization": "Bearer chat-bot-token"
             *     }
             */
            headers?: {
                [key: string]: string;
            };
            /**
             * @description Send line credentials in payloads (HTTPS endpoints only unless the hub is configured for local development)
             * @default false
             */
            includeCredentials?: boolean;
            /** @description At most this many delivery attempts per second (across all workers); null = unlimited */
            rateLimitPerSecond?: Record<string, never> | null;
            /**
             * @description http(s) URL; addresses on private, loopback, link-local or metadata networks are refused unless the operator allows them
             * @example https://crm.example.com/hooks/iptv
             */
            url?: string;
        };
        ValidationReportDto: {
            problems: components["schemas"]["DefinitionProblemDto"][];
            valid: boolean;
            workflowId: string | null;
        };
        WebhookAttemptDto: {
            /** @description Attempt number within the round, from 1 */
            attempt: number;
            durationMs: number;
            error: string | null;
            id: string;
            /**
             * Format: date-time
             * @description When the next attempt was scheduled, if any
             */
            nextAttemptAt: string | null;
            /** @description First kilobyte of the response body */
            responseExcerpt: string | null;
            /** @description Replay round (0 = original delivery) */
            round: number;
            /** Format: date-time */
            startedAt: string;
            /** @description HTTP status; null when no response came (timeout, refused connection, SSRF refusal) */
            statusCode: number | null;
            success: boolean;
        };
        WebhookDeliveryDto: {
            /** @description Attempts in the current round */
            attemptCount: number;
            /** @description Attempts, newest first (at most 50) */
            attempts: components["schemas"]["WebhookAttemptDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            endpointId: string;
            /** @description The event (GET /events); null for test deliveries */
            eventId: string | null;
            /** @example line.created */
            eventType: string;
            id: string;
            lastError: string | null;
            lastStatus: number | null;
            /**
             * @description The webhook-id header: the same for every attempt and replay
             * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
             */
            messageId: string;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** @description Replays so far */
            round: number;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
        };
        WebhookDeliveryPageDto: {
            items: components["schemas"]["WebhookDeliveryDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WebhookEndpointDto: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** Format: date-time */
            disabledAt: string | null;
            /**
             * @description Why the endpoint is disabled: by an operator, it answered 410 Gone, or it failed for the whole retry window
             * @enum {string|null}
             */
            disabledReason: "manual" | "gone" | "failing" | null;
            enabled: boolean;
            eventTypes: string[];
            /**
             * Format: date-time
             * @description First failure since the last success
             */
            failingSince: string | null;
            /** @description Names of the custom headers (values are never returned) */
            headerNames: string[];
            id: string;
            includeCredentials: boolean;
            /** Format: date-time */
            lastFailureAt: string | null;
            /** Format: date-time */
            lastSuccessAt: string | null;
            /**
             * Format: date-time
             * @description Until then the previous secret also signs
             */
            previousSecretExpiresAt: string | null;
            rateLimitPerSecond: number | null;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        WebhookEndpointPageDto: {
            items: components["schemas"]["WebhookEndpointDto"][];
            /** @description Pass as cursor to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WebhookReceiptDto: {
            /** @description Deliveries of events already stored (answered 2xx, nothing done) */
            duplicates: number;
            /** @description Verified events of types the hub does not act on (recorded) */
            ignored: number;
            /** @description New events stored and queued */
            received: number;
        };
        WebhookSecretDto: {
            /** @example /hooks/in/my-hook */
            path: string;
            /** @description The HMAC secret of the workflow's inbound hook. Shown once; store it in the sender. */
            secret: string;
            /** @description How to sign: hex HMAC-SHA256 of `<timestamp>.<raw body>` in X-Hub-Signature: sha256=<hex>, unix seconds in X-Hub-Timestamp */
            signing: string;
        };
        WorkflowDetailDto: {
            description: string | null;
            enabled: boolean;
            file: string | null;
            id: string;
            name: string | null;
            on: components["schemas"]["WorkflowTriggerDto"];
            revision: number;
            revisions: components["schemas"]["WorkflowRevisionDto"][];
            /** @enum {string} */
            source: "builtin" | "file" | "api";
            /** Format: date-time */
            updatedAt: string;
            /** @description The actions its steps use */
            uses: string[];
            /** @description The YAML of the current revision */
            yaml: string;
        };
        WorkflowDto: {
            description: string | null;
            enabled: boolean;
            file: string | null;
            id: string;
            name: string | null;
            on: components["schemas"]["WorkflowTriggerDto"];
            revision: number;
            /** @enum {string} */
            source: "builtin" | "file" | "api";
            /** Format: date-time */
            updatedAt: string;
            /** @description The actions its steps use */
            uses: string[];
        };
        WorkflowListDto: {
            items: components["schemas"]["WorkflowDto"][];
            /** @description Operator files that were skipped because they are invalid */
            loadProblems: components["schemas"]["DefinitionProblemDto"][];
        };
        WorkflowRevisionDto: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** @description sha256 of the YAML */
            hash: string;
            revision: number;
            /** @enum {string} */
            source: "builtin" | "file" | "api";
        };
        WorkflowTriggerDto: {
            events: string[];
            if: string | null;
            manual: boolean;
            schedule: string | null;
            webhook: string | null;
        };
        WorkflowYamlDto: {
            /**
             * @description The YAML definition
             * @example id: my-workflow
             *     on:
             *       manual: true
             *     steps:
             *       - id: hello
             *         uses: log
             *         with:
             *           message: hello
             */
            yaml: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAccessCodes: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor (same sort and order) */
                cursor?: string;
                /** @description true: past their expiry · false: not expired (whatever the status) */
                expired?: boolean;
                expiryMode?: "date" | "lifetime" | "default";
                /** @description Codes created by this import */
                importId?: string;
                /** @description Page size */
                limit?: number;
                /** @description true: linked to a subscription · false: not linked */
                linked?: boolean;
                order?: "asc" | "desc";
                portalId?: string;
                /** @description Case-insensitive match on code, username or notes */
                search?: string;
                /** @description expiresAt sorts by the effective expiry, codes that never expire last */
                sort?: "createdAt" | "updatedAt" | "code" | "expiresAt";
                /** @description Derived display state */
                state?: "active" | "inactive" | "lifetime" | "expired";
                status?: "active" | "inactive";
                subscriptionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodePageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createAccessCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccessCodeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getAccessCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    deleteAccessCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updateAccessCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccessCodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    revealAccessCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeSecretDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    bulkAccessCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessCodeBulkDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeBulkResultDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getAccessCodeCapacity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeCapacityListDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    exportAccessCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessCodeExportDto"];
            };
        };
        responses: {
            /** @description CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    importAccessCodes: {
        parameters: {
            query?: {
                /** @description Validate and report per-row outcomes without writing */
                dryRun?: boolean;
                /** @description Name of the file, kept for the report */
                fileName?: string;
                /** @description Length of codes generated for rows without one */
                length?: number;
                /** @description all-or-nothing: any invalid or duplicate row rejects the whole file · skip-invalid: import the valid rows */
                mode?: "all-or-nothing" | "skip-invalid";
                /** @description Portal of rows whose portal column is empty or absent */
                portalId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeImportDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body larger than the configured limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listAccessCodeImports: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description Page size */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeImportPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getAccessCodeImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeImportDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listAccessCodeImportRows: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                outcome?: "created" | "invalid" | "duplicate";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportRowPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                action?: string;
                /** @description Actor id (an API key id, "system" or "anonymous") */
                actor?: string;
                correlationId?: string;
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                from?: string;
                /** @description Page size */
                limit?: number;
                outcome?: "success" | "failure" | "denied";
                targetId?: string;
                targetType?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainReportDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    codeLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeLoginResultDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Invalid code (unknown, inactive or expired: never said which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                email?: string;
                /** @description An external reference as system:id */
                externalRef?: string;
                /** @description Page size */
                limit?: number;
                /** @description Case-insensitive match on email or name */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCustomerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    deleteCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCustomerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listDriftFindings: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                kind?: "line_missing" | "expiry_differs" | "enabled_differs" | "package_differs" | "connections_differs" | "panel_unreachable";
                /** @description Page size */
                limit?: number;
                panelId?: string;
                status?: "open" | "resolved" | "repaired";
                subscriptionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftFindingPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getDriftFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftFindingDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    repairDriftFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepairDriftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftFindingDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                correlationId?: string;
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                from?: string;
                /** @description Page size */
                limit?: number;
                subjectId?: string;
                subjectType?: string;
                to?: string;
                /** @description An event type or a prefix ending in .* */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    liveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
    receiveWorkflowHook: {
        parameters: {
            query?: never;
            header: {
                "x-hub-delivery": string;
                "x-hub-signature": string;
                "x-hub-timestamp": string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A run was started (or the delivery was a repeat) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        duplicate?: boolean;
                        runId?: string;
                    };
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    receivePaymentWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceiptDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                customerId?: string;
                /** @description Page size */
                limit?: number;
                status?: "pending" | "paid" | "failed" | "refunded" | "partially_paid";
                subscriptionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrderDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    checkoutOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCheckoutDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listOrderCheckouts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutDto"][];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    markOrderFailed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    markOrderPaid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkPaidDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    markOrderRefunded: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listPanels: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description Page size */
                limit?: number;
                /** @description Case-insensitive match on the name */
                search?: string;
                status?: "healthy" | "degraded" | "down" | "unknown";
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createPanel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePanelDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPanel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    deletePanel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updatePanel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePanelDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPanelConnections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelConnectionsDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    findPanelLine: {
        parameters: {
            query: {
                /** @description Exact username */
                username: string;
            };
            header: {
                "x-line-password": string;
                /** @description The line password, for panels that address lines by username + password (kept out of URLs and logs) */
                "X-Line-Password"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelLineDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createPanelLine: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePanelLineDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelLineDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPanelLine: {
        parameters: {
            query?: {
                /** @description Needed by panels that address lines by credentials */
                username?: string;
            };
            header: {
                "x-line-password": string;
                /** @description The line password, for panels that address lines by username + password (kept out of URLs and logs) */
                "X-Line-Password"?: string;
            };
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelLineDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    deletePanelLine: {
        parameters: {
            query?: {
                /** @description Needed by panels that address lines by credentials */
                username?: string;
            };
            header: {
                "x-line-password": string;
                /** @description The line password, for panels that address lines by username + password (kept out of URLs and logs) */
                "X-Line-Password"?: string;
            };
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updatePanelLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePanelLineDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelLineDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    disablePanelLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LineCredentialsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelLineDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    enablePanelLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LineCredentialsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelLineDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    extendPanelLine: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry of a days-extend reach the expiry the first attempt planned (days are added once) */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendPanelLineDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelLineDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    verifyPanelLine: {
        parameters: {
            query?: {
                /** @description Needed by panels that address lines by credentials */
                username?: string;
            };
            header: {
                "x-line-password": string;
                /** @description The line password, for panels that address lines by username + password (kept out of URLs and logs) */
                "X-Line-Password"?: string;
            };
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineVerificationDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listPanelPackages: {
        parameters: {
            query?: {
                /** @description Include packages that disappeared from the panel (default true) */
                includeMissing?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelPackageListDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPanelStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelStatusDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    syncPanelPackages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageSyncResultDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    testPanel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report (also when a stage failed: see ok and failedStage) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PanelTestReportDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listPaymentAccounts: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description Page size */
                limit?: number;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAccountPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createPaymentAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePaymentAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAccountDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPaymentAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAccountDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    deletePaymentAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updatePaymentAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePaymentAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAccountDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    reconcilePaymentAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconcileResultDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    testPaymentAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAccountTestDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listPaymentEvents: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description Page size */
                limit?: number;
                orderId?: string;
                paymentAccountId?: string;
                status?: "received" | "applied" | "ignored" | "recorded" | "review" | "unmatched" | "rejected";
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentEventPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPaymentEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentEventDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listPlugins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginListDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listPortals: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description Page size */
                limit?: number;
                /** @description Case-insensitive match on name or URL */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createPortal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePortalDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPortal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    deletePortal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updatePortal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePortalDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                active?: string;
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description Page size */
                limit?: number;
                /** @description Only products whose package disappeared from the panel */
                packageMissing?: string;
                panelId?: string;
                /** @description Case-insensitive match on the name */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getProductPaymentPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPolicyDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    setProductPaymentPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPolicyDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listRuns: {
        parameters: {
            query?: {
                correlationId?: string;
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description Page size */
                limit?: number;
                status?: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
                subscriptionId?: string;
                workflowId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    cancelRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    replayRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    retryRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listSubscriptions: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                customerId?: string;
                /** @description Page size */
                limit?: number;
                panelId?: string;
                productId?: string;
                status?: "pending" | "provisioning" | "active" | "grace" | "suspended" | "expired" | "cancelled" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    cancelSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    reactivateSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    reconcileSubscription: {
        parameters: {
            query?: {
                /** @description Also repair what the reconcile finds, as POST /drift/{id}/repair does for each finding */
                repair?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconcileReportDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    renewSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenewSubscriptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    suspendSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                enabled?: string;
                /** @description Page size */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpointDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookEndpointDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookEndpointDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                eventType?: string;
                /** @description Page size */
                limit?: number;
                status?: "pending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPageDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateSecretDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listWebhookEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeListDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listWorkflows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowListDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    createWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowYamlDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDetailDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDetailDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    updateWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowYamlDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDetailDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    disableWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    dryRunWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DryRunRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DryRunReportDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    enableWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getWorkflowRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                revision: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowYamlDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    runWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManualRunDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    rotateWorkflowWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listWorkflowActions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Actions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>[];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getWorkflowSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema (draft-07) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    validateWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowYamlDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationReportDto"];
                };
            };
            /** @description Invalid input (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API key's scopes do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    on_access_code_bruteforce_suspected: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        failures: number;
                        threshold?: number;
                        windowSeconds?: number;
                        /**
                         * Format: date-time
                         * @description Start of the window
                         */
                        windowStart?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "access_code.bruteforce_suspected";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_access_code_created: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        accessCode: {
                            /** @description The code itself: a credential, sent only to endpoints allowed to receive credentials */
                            code?: string;
                            /**
                             * Format: date-time
                             * @description Expiry after following the subscription
                             */
                            effectiveExpiresAt?: string | null;
                            /**
                             * Format: date-time
                             * @description Own expiry
                             */
                            expiresAt?: string | null;
                            expiryMode?: string;
                            /** @description Access code */
                            id: string;
                            /** @description Portal */
                            portalId?: string;
                            state?: string;
                            status?: string;
                            /** @description Subscription */
                            subscriptionId?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Fields that changed (updates) */
                        changes?: string[];
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "access_code.created";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_access_code_deleted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        accessCode: {
                            /** @description The code itself: a credential, sent only to endpoints allowed to receive credentials */
                            code?: string;
                            /**
                             * Format: date-time
                             * @description Expiry after following the subscription
                             */
                            effectiveExpiresAt?: string | null;
                            /**
                             * Format: date-time
                             * @description Own expiry
                             */
                            expiresAt?: string | null;
                            expiryMode?: string;
                            /** @description Access code */
                            id: string;
                            /** @description Portal */
                            portalId?: string;
                            state?: string;
                            status?: string;
                            /** @description Subscription */
                            subscriptionId?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Fields that changed (updates) */
                        changes?: string[];
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "access_code.deleted";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_access_code_updated: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        accessCode: {
                            /** @description The code itself: a credential, sent only to endpoints allowed to receive credentials */
                            code?: string;
                            /**
                             * Format: date-time
                             * @description Expiry after following the subscription
                             */
                            effectiveExpiresAt?: string | null;
                            /**
                             * Format: date-time
                             * @description Own expiry
                             */
                            expiresAt?: string | null;
                            expiryMode?: string;
                            /** @description Access code */
                            id: string;
                            /** @description Portal */
                            portalId?: string;
                            state?: string;
                            status?: string;
                            /** @description Subscription */
                            subscriptionId?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Fields that changed (updates) */
                        changes?: string[];
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "access_code.updated";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_drift_detected: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Drift finding (GET /drift/{id}) */
                        findingId: string;
                        /** @description What the hub holds */
                        hub?: unknown;
                        /** @enum {string} */
                        kind: "line_missing" | "expiry_differs" | "enabled_differs" | "package_differs" | "connections_differs" | "panel_unreachable";
                        /** @description The line on the panel */
                        lineId?: string | null;
                        /** @description What the panel holds */
                        panel?: unknown;
                        /** @description Panel */
                        panelId?: string;
                        /** @enum {string} */
                        status?: "open" | "resolved" | "repaired";
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "drift.detected";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_drift_repaired: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description What was done on the panel, e.g. createLine */
                        action?: string;
                        auto?: boolean;
                        /** @description Drift finding (GET /drift/{id}) */
                        findingId: string;
                        /** @description What the hub holds */
                        hub?: unknown;
                        /** @enum {string} */
                        kind: "line_missing" | "expiry_differs" | "enabled_differs" | "package_differs" | "connections_differs" | "panel_unreachable";
                        /** @description The line on the panel */
                        lineId?: string | null;
                        newLineId?: string | null;
                        /** @description What the panel holds */
                        panel?: unknown;
                        /** @description Panel */
                        panelId?: string;
                        reason: string;
                        /** @enum {string} */
                        status?: "open" | "resolved" | "repaired";
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "drift.repaired";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_drift_resolved: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Drift finding (GET /drift/{id}) */
                        findingId: string;
                        /** @description What the hub holds */
                        hub?: unknown;
                        /** @enum {string} */
                        kind: "line_missing" | "expiry_differs" | "enabled_differs" | "package_differs" | "connections_differs" | "panel_unreachable";
                        /** @description The line on the panel */
                        lineId?: string | null;
                        /** @description What the panel holds */
                        panel?: unknown;
                        /** @description Panel */
                        panelId?: string;
                        /** @enum {string} */
                        status?: "open" | "resolved" | "repaired";
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "drift.resolved";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_line_created: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Line credentials: present only for endpoints allowed to receive credentials (over HTTPS) */
                        credentials?: {
                            password?: string;
                            serverUrl?: string;
                            username?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Expiry on the panel
                         */
                        expiresAt?: string | null;
                        /** @description The line's id on the panel */
                        lineId?: string;
                        maxConnections?: number;
                        /** @description Package on the panel */
                        packageId?: string;
                        /** @description Panel */
                        panelId: string;
                        /** @description Subscription the line serves */
                        subscriptionId?: string;
                        username?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "line.created";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_line_deleted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Line credentials: present only for endpoints allowed to receive credentials (over HTTPS) */
                        credentials?: {
                            password?: string;
                            serverUrl?: string;
                            username?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Expiry on the panel
                         */
                        expiresAt?: string | null;
                        /** @description The line's id on the panel */
                        lineId?: string;
                        maxConnections?: number;
                        /** @description Package on the panel */
                        packageId?: string;
                        /** @description Panel */
                        panelId: string;
                        /** @description Subscription the line serves */
                        subscriptionId?: string;
                        username?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "line.deleted";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_line_disabled: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Line credentials: present only for endpoints allowed to receive credentials (over HTTPS) */
                        credentials?: {
                            password?: string;
                            serverUrl?: string;
                            username?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Expiry on the panel
                         */
                        expiresAt?: string | null;
                        /** @description The line's id on the panel */
                        lineId?: string;
                        maxConnections?: number;
                        /** @description Package on the panel */
                        packageId?: string;
                        /** @description Panel */
                        panelId: string;
                        /** @description Subscription the line serves */
                        subscriptionId?: string;
                        username?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "line.disabled";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_line_enabled: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Line credentials: present only for endpoints allowed to receive credentials (over HTTPS) */
                        credentials?: {
                            password?: string;
                            serverUrl?: string;
                            username?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Expiry on the panel
                         */
                        expiresAt?: string | null;
                        /** @description The line's id on the panel */
                        lineId?: string;
                        maxConnections?: number;
                        /** @description Package on the panel */
                        packageId?: string;
                        /** @description Panel */
                        panelId: string;
                        /** @description Subscription the line serves */
                        subscriptionId?: string;
                        username?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "line.enabled";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_line_extended: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Line credentials: present only for endpoints allowed to receive credentials (over HTTPS) */
                        credentials?: {
                            password?: string;
                            serverUrl?: string;
                            username?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Expiry on the panel
                         */
                        expiresAt?: string | null;
                        /** @description The line's id on the panel */
                        lineId?: string;
                        maxConnections?: number;
                        /** @description Package on the panel */
                        packageId?: string;
                        /** @description Panel */
                        panelId: string;
                        /** @description Subscription the line serves */
                        subscriptionId?: string;
                        username?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "line.extended";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_line_updated: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Line credentials: present only for endpoints allowed to receive credentials (over HTTPS) */
                        credentials?: {
                            password?: string;
                            serverUrl?: string;
                            username?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Expiry on the panel
                         */
                        expiresAt?: string | null;
                        /** @description The line's id on the panel */
                        lineId?: string;
                        maxConnections?: number;
                        /** @description Package on the panel */
                        packageId?: string;
                        /** @description Panel */
                        panelId: string;
                        /** @description Subscription the line serves */
                        subscriptionId?: string;
                        username?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "line.updated";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_order_created: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Amount in the currency's minor units (cents) */
                        amountMinor?: number;
                        currency?: string;
                        /** @description Customer */
                        customerId?: string;
                        /** @enum {string} */
                        kind?: "new" | "renewal" | "upgrade";
                        /** @description Order */
                        orderId: string;
                        /** @description Product */
                        productId?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "order.created";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_panel_health_changed: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /**
                         * Format: date-time
                         * @description When the check ran
                         */
                        checkedAt?: string;
                        code?: string | null;
                        detail?: string | null;
                        /** @enum {string} */
                        from?: "healthy" | "degraded" | "down" | "unknown";
                        name?: string;
                        /** @description Panel */
                        panelId: string;
                        /** @enum {string} */
                        to: "healthy" | "degraded" | "down" | "unknown";
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "panel.health_changed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_panel_packages_synced: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        added?: number;
                        /** @description Panel */
                        panelId: string;
                        removed?: number;
                        updated?: number;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "panel.packages_synced";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_payment_failed: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Amount in the currency's minor units (cents) */
                        amountMinor?: number;
                        currency?: string;
                        /** @description Customer */
                        customerId?: string;
                        /** @description Order */
                        orderId: string;
                        overpaid?: boolean;
                        /** @description Product */
                        productId?: string;
                        /** @description Payment plugin id, e.g. stripe */
                        provider: string;
                        /** @description The provider's payment id */
                        providerPaymentId?: string;
                        reason?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "payment.failed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_payment_partially_refunded: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Amount in the currency's minor units (cents) */
                        amountMinor?: number;
                        /** @description Refunded so far, in minor units */
                        amountRefundedMinor: number;
                        currency?: string;
                        /** @description Customer */
                        customerId?: string;
                        /** @description Order */
                        orderId: string;
                        overpaid?: boolean;
                        /** @description Product */
                        productId?: string;
                        /** @description Payment plugin id, e.g. stripe */
                        provider: string;
                        /** @description The provider's payment id */
                        providerPaymentId?: string;
                        reason?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "payment.partially_refunded";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_payment_refunded: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Amount in the currency's minor units (cents) */
                        amountMinor?: number;
                        amountRefundedMinor?: number;
                        currency?: string;
                        /** @description Customer */
                        customerId?: string;
                        /** @description Order */
                        orderId: string;
                        overpaid?: boolean;
                        /** @description Product */
                        productId?: string;
                        /** @description Payment plugin id, e.g. stripe */
                        provider: string;
                        /** @description The provider's payment id */
                        providerPaymentId?: string;
                        reason?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "payment.refunded";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_payment_review_required: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Amount in the currency's minor units (cents) */
                        amountMinor?: number;
                        currency?: string;
                        /** @description Customer */
                        customerId?: string;
                        /** @description Order; null for a refund or dispute that matches no order */
                        orderId?: string | null;
                        overpaid?: boolean;
                        /** @description Product */
                        productId?: string;
                        /** @description Payment plugin id, e.g. stripe */
                        provider?: string;
                        /** @description The provider's event id */
                        providerEventId?: string;
                        /** @description The provider's payment id */
                        providerPaymentId?: string;
                        reason: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "payment.review_required";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_payment_succeeded: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Amount in the currency's minor units (cents) */
                        amountMinor?: number;
                        currency?: string;
                        /** @description Customer */
                        customerId?: string;
                        /** @description Order */
                        orderId: string;
                        overpaid?: boolean;
                        /** @description Product */
                        productId?: string;
                        /** @description Payment plugin id, e.g. stripe */
                        provider: string;
                        /** @description The provider's payment id */
                        providerPaymentId?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "payment.succeeded";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_activated: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /** @description Product */
                        productId?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.activated";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_cancelled: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /** @description Product */
                        productId?: string;
                        reason?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.cancelled";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_created: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /** @description Product */
                        productId?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.created";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_expired: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /** @description Product */
                        productId?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.expired";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_expiring: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        daysLeft?: number;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /** @description Product */
                        productId?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.expiring";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_line_recorded: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /** @description Product */
                        productId?: string;
                        reason?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.line_recorded";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_panel_changed: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description The panel the subscription is on now */
                        panelId: string;
                        /** @description Its package on the previous panel */
                        previousPackageExternalId?: string;
                        /** @description The panel it was on (the primary) */
                        previousPanelId: string;
                        /** @description Product */
                        productId?: string;
                        /** @description Why it moved, e.g. MAX_USERS_REACHED or PANEL_DOWN */
                        reason?: string;
                        /** @description The workflow run that moved it */
                        runId?: string;
                        /** @description Status (unchanged by the move) */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.panel_changed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_reactivated: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /** @description Product */
                        productId?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.reactivated";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_renewed: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /**
                         * Format: date-time
                         * @description Expiry before the renewal
                         */
                        previousExpiresAt?: string | null;
                        /** @description Product */
                        productId?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.renewed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_subscription_suspended: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Customer */
                        customerId?: string;
                        /**
                         * Format: date-time
                         * @description Current expiry
                         */
                        expiresAt?: string | null;
                        /** @description Panel */
                        panelId?: string;
                        /** @description Product */
                        productId?: string;
                        reason?: string;
                        /** @description Status after the change */
                        status?: string;
                        /** @description The subscription as the API returns it */
                        subscription?: {
                            [key: string]: unknown;
                        };
                        /** @description Subscription */
                        subscriptionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "subscription.suspended";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_webhook_endpoint_disabled: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Webhook endpoint */
                        endpointId: string;
                        /**
                         * Format: date-time
                         * @description First failure of the streak
                         */
                        failingSince?: string | null;
                        lastError?: string | null;
                        lastStatus?: number | null;
                        /** @enum {string} */
                        reason: "gone" | "failing";
                        url: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "webhook_endpoint.disabled";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_webhook_test: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description Webhook endpoint */
                        endpointId: string;
                        message: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "webhook.test";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_workflow_run_failed: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        durationMs?: number | null;
                        error?: string;
                        failedStep?: string;
                        revision?: number;
                        /** @description Workflow run */
                        runId: string;
                        status?: string;
                        /** @description Subscription concerned, if any */
                        subscriptionId?: string | null;
                        trigger?: string;
                        /** @description Workflow definition */
                        workflowId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "workflow.run.failed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_workflow_run_succeeded: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Message id, the same for every retry and replay of the delivery: deduplicate on it
                 * @example msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b
                 */
                "webhook-id": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Unix seconds of this attempt (reject messages older than 5 minutes)
                 * @example 1732262400
                 */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        durationMs?: number | null;
                        revision?: number;
                        /** @description Workflow run */
                        runId: string;
                        status?: string;
                        /** @description Subscription concerned, if any */
                        subscriptionId?: string | null;
                        trigger?: string;
                        /** @description Workflow definition */
                        workflowId: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @constant */
                    type: "workflow.run.succeeded";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or a timeout) is a failure: the hub retries with backoff for days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the hub disables the endpoint */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
