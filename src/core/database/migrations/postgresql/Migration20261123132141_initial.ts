import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132141_initial extends Migration {

  override name = 'Migration20261123132141_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_access_code_import" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "status" varchar(16) not null default 'uploading', "mode" varchar(16) not null, "dry_run" boolean not null, "code_length" int not null, "default_portal_id" varchar(36) null, "file_name" varchar(255) null, "requested_by" varchar(100) not null, "total_bytes" int not null default 0, "processed_bytes" int not null default 0, "percent" int not null default 0, "rows" int not null default 0, "created" int not null default 0, "invalid" int not null default 0, "duplicate" int not null default 0, "error" text null, "started_at" timestamptz null, "finished_at" timestamptz null, primary key ("id"));`);

    this.addSql(`create table "hub_access_code_import_chunk" ("import_id" varchar(36) not null, "seq" int not null, "sealed" text not null, primary key ("import_id", "seq"));`);

    this.addSql(`create table "hub_access_code_import_row" ("id" varchar(36) not null, "import_id" varchar(36) not null, "row" int not null, "line" int not null, "outcome" varchar(10) not null, "code" varchar(64) null, "field" varchar(50) null, "reason" text null, primary key ("id"));`);
    this.addSql(`create index "hub_access_code_import_row_import_id_outcome_row_index" on "hub_access_code_import_row" ("import_id", "outcome", "row");`);
    this.addSql(`create index "hub_access_code_import_row_import_id_row_index" on "hub_access_code_import_row" ("import_id", "row");`);

    this.addSql(`create table "hub_access_code_operation" ("key" varchar(255) not null, "operation" varchar(40) not null, "result" jsonb not null, "created_at" timestamptz not null, primary key ("key"));`);

    this.addSql(`create table "hub_api_key" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "prefix" varchar(20) not null, "key_hash" varchar(64) not null, "scopes" jsonb not null, "ip_allow_list" jsonb null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "hub_api_key" add constraint "hub_api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`create table "hub_audit_entry" ("id" varchar(36) not null, "at" timestamptz not null, "actor_type" varchar(20) not null, "actor_id" varchar(100) not null, "action" varchar(100) not null, "target_type" varchar(50) null, "target_id" varchar(200) null, "correlation_id" varchar(128) not null, "outcome" varchar(10) not null, "ip" varchar(64) null, "details" jsonb not null, "chain_seq" bigint null, "prev_hash" varchar(64) null, "hash" varchar(64) null, primary key ("id"));`);
    this.addSql(`create index "hub_audit_entry_correlation_id_index" on "hub_audit_entry" ("correlation_id");`);
    this.addSql(`create index "hub_audit_entry_target_type_target_id_index" on "hub_audit_entry" ("target_type", "target_id");`);
    this.addSql(`create index "hub_audit_entry_action_id_index" on "hub_audit_entry" ("action", "id");`);
    this.addSql(`create index "hub_audit_entry_actor_id_id_index" on "hub_audit_entry" ("actor_id", "id");`);
    this.addSql(`alter table "hub_audit_entry" add constraint "hub_audit_entry_chain_seq_unique" unique ("chain_seq");`);

    this.addSql(`create table "hub_customer" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(320) not null, "name" varchar(200) null, "external_refs" jsonb not null, "notes" text null, primary key ("id"));`);
    this.addSql(`alter table "hub_customer" add constraint "hub_customer_email_unique" unique ("email");`);
    this.addSql(`create index "hub_customer_name_index" on "hub_customer" ("name");`);

    this.addSql(`create table "hub_event" ("id" varchar(36) not null, "type" varchar(100) not null, "occurred_at" timestamptz not null, "correlation_id" varchar(128) not null, "subject_type" varchar(50) null, "subject_id" varchar(200) null, "payload" jsonb not null, "dispatched_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_event_subject_type_subject_id_index" on "hub_event" ("subject_type", "subject_id");`);
    this.addSql(`create index "hub_event_correlation_id_index" on "hub_event" ("correlation_id");`);
    this.addSql(`create index "hub_event_type_id_index" on "hub_event" ("type", "id");`);

    this.addSql(`create table "hub_idempotency_record" ("id" varchar(64) not null, "fingerprint" varchar(64) not null, "state" varchar(16) not null, "response_status" int null, "response_sealed" text null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "hub_job" ("id" varchar(200) not null, "name" varchar(200) not null, "data" jsonb not null, "status" varchar(16) not null default 'pending', "run_at" bigint not null, "attempts" int not null default 0, "max_attempts" int not null, "backoff_ms" int not null, "lease_until" bigint null, "locked_by" varchar(100) null, "correlation_id" varchar(100) null, "last_error" text null, "created_at" bigint not null, "finished_at" bigint null, primary key ("id"));`);
    this.addSql(`create index "hub_job_status_run_at_index" on "hub_job" ("status", "run_at");`);

    this.addSql(`create table "hub_lease" ("name" varchar(100) not null, "holder" varchar(100) not null, "expires_at" bigint not null, primary key ("name"));`);

    this.addSql(`create table "hub_code_login_throttle" ("bucket" varchar(100) not null, "failures" int not null, "window_start" bigint not null, "locked_until" bigint not null, "level" int not null, "last_lock_at" bigint not null, primary key ("bucket"));`);
    this.addSql(`create index "hub_code_login_throttle_locked_until_index" on "hub_code_login_throttle" ("locked_until");`);

    this.addSql(`create table "hub_panel" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "type" varchar(100) not null, "base_url" varchar(2000) null, "credentials_sealed" text not null, "credential_fields" jsonb not null, "options" jsonb not null, "status" varchar(16) not null default 'unknown', "last_health" jsonb null, "last_checked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_panel_type_index" on "hub_panel" ("type");`);

    this.addSql(`create table "hub_package" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "panel_id" varchar(36) not null, "external_id" varchar(200) not null, "name" varchar(300) not null, "channel_count" int null, "vod_count" int null, "series_count" int null, "duration_days" double precision null, "max_connections" int null, "credit_cost" double precision null, "is_trial" boolean null, "missing" boolean not null default false, "raw" jsonb null, "last_seen_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "hub_package_panel_id_missing_index" on "hub_package" ("panel_id", "missing");`);
    this.addSql(`alter table "hub_package" add constraint "hub_package_panel_id_external_id_unique" unique ("panel_id", "external_id");`);

    this.addSql(`create table "hub_payment_account" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "type" varchar(100) not null, "credentials_sealed" text not null, "credential_fields" jsonb not null, "enabled" boolean not null default true, "last_test" jsonb null, "last_tested_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_payment_account_type_index" on "hub_payment_account" ("type");`);

    this.addSql(`create table "hub_payment_event" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider" varchar(100) not null, "account_id" varchar(36) not null, "provider_event_id" varchar(255) not null, "provider_event_type" varchar(200) null, "type" varchar(40) not null, "provider_payment_id" varchar(200) null, "order_id" varchar(36) null, "status" varchar(16) not null, "source" varchar(16) not null default 'webhook', "event" jsonb not null, "detail" jsonb null, "received_at" timestamptz not null, "applied_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_payment_event_status_received_at_index" on "hub_payment_event" ("status", "received_at");`);
    this.addSql(`create index "hub_payment_event_order_id_index" on "hub_payment_event" ("order_id");`);
    this.addSql(`create index "hub_payment_event_account_id_status_index" on "hub_payment_event" ("account_id", "status");`);
    this.addSql(`alter table "hub_payment_event" add constraint "hub_payment_event_provider_provider_event_id_unique" unique ("provider", "provider_event_id");`);

    this.addSql(`create table "hub_plugin_state" ("id" varchar(36) not null, "panel_id" varchar(36) not null, "key" varchar(300) not null, "value" text not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "hub_plugin_state" add constraint "hub_plugin_state_panel_id_key_unique" unique ("panel_id", "key");`);

    this.addSql(`create table "hub_portal" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "url" varchar(2000) not null, "notes" text null, primary key ("id"));`);
    this.addSql(`create index "hub_portal_name_index" on "hub_portal" ("name");`);

    this.addSql(`create table "hub_access_code" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(6) not null, "portal_id" varchar(36) not null, "username" varchar(200) not null, "password_sealed" text not null, "status" varchar(8) not null default 'active', "notes" text null, "subscription_id" varchar(36) null, "expiry_mode" varchar(8) not null default 'default', "expires_at" timestamptz null, "subscription_expires_at" timestamptz null, "effective_expires_at" timestamptz null, "import_id" varchar(36) null, "pending" boolean not null default false, primary key ("id"));`);
    this.addSql(`alter table "hub_access_code" add constraint "hub_access_code_code_unique" unique ("code");`);
    this.addSql(`create index "hub_access_code_import_id_index" on "hub_access_code" ("import_id");`);
    this.addSql(`create index "hub_access_code_status_effective_expires_at_index" on "hub_access_code" ("status", "effective_expires_at");`);
    this.addSql(`create index "hub_access_code_subscription_id_index" on "hub_access_code" ("subscription_id");`);
    this.addSql(`create index "hub_access_code_portal_id_index" on "hub_access_code" ("portal_id");`);

    this.addSql(`create table "hub_product" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "panel_id" varchar(36) not null, "package_external_id" varchar(200) not null, "duration_unit" varchar(10) not null, "duration_value" int not null, "trial" boolean not null default false, "max_connections" int not null, "price_minor" int not null, "currency" varchar(3) not null, "reseller_credit_cost" int null, "active" boolean not null default true, "package_missing" boolean not null default false, "fallback_panel_id" varchar(36) null, "fallback_package_external_id" varchar(200) null, primary key ("id"));`);
    this.addSql(`create index "hub_product_panel_id_index" on "hub_product" ("panel_id");`);

    this.addSql(`create table "hub_product_payment_policy" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" varchar(36) not null, "tolerance_percent" double precision not null, "underpayment" varchar(16) not null, primary key ("id"));`);
    this.addSql(`alter table "hub_product_payment_policy" add constraint "hub_product_payment_policy_product_id_unique" unique ("product_id");`);

    this.addSql(`create table "hub_subscription" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" varchar(36) not null, "product_id" varchar(36) not null, "panel_id" varchar(36) not null, "status" varchar(16) not null default 'pending', "line_id" varchar(200) null, "username" varchar(200) null, "password_sealed" text null, "package_external_id" varchar(200) not null, "max_connections" int not null, "expires_at" timestamptz null, "review_reason" jsonb null, "status_before_review" varchar(16) null, "expiring_notified_for" timestamptz null, "line_deleted_at" timestamptz null, "history" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "hub_subscription_panel_id_line_id_index" on "hub_subscription" ("panel_id", "line_id");`);
    this.addSql(`create index "hub_subscription_customer_id_index" on "hub_subscription" ("customer_id");`);
    this.addSql(`create index "hub_subscription_status_expires_at_index" on "hub_subscription" ("status", "expires_at");`);

    this.addSql(`create table "hub_order" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider" varchar(50) not null, "provider_payment_id" varchar(200) null, "kind" varchar(16) not null, "status" varchar(16) not null default 'pending', "customer_id" varchar(36) not null, "product_id" varchar(36) not null, "subscription_id" varchar(36) null, "amount_minor" int not null, "amount_paid_minor" int null, "currency" varchar(3) not null, "paid_at" timestamptz null, "failed_at" timestamptz null, "refunded_at" timestamptz null, "metadata" jsonb null, primary key ("id"));`);
    this.addSql(`create index "hub_order_status_index" on "hub_order" ("status");`);
    this.addSql(`create index "hub_order_subscription_id_index" on "hub_order" ("subscription_id");`);
    this.addSql(`create index "hub_order_customer_id_index" on "hub_order" ("customer_id");`);
    this.addSql(`alter table "hub_order" add constraint "hub_order_provider_provider_payment_id_unique" unique ("provider", "provider_payment_id");`);

    this.addSql(`create table "hub_payment_checkout" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" varchar(36) not null, "account_id" varchar(36) not null, "provider" varchar(100) not null, "provider_payment_id" varchar(200) not null, "latest_payment_id" varchar(200) null, "provider_subscription_id" varchar(200) null, "recurring" boolean not null default false, "redirect_url" varchar(2000) null, "expires_at" timestamptz null, "status" varchar(20) not null default 'open', "details" jsonb null, primary key ("id"));`);
    this.addSql(`create index "hub_payment_checkout_account_id_status_index" on "hub_payment_checkout" ("account_id", "status");`);
    this.addSql(`create index "hub_payment_checkout_provider_provider_subscription_id_index" on "hub_payment_checkout" ("provider", "provider_subscription_id");`);
    this.addSql(`create index "hub_payment_checkout_provider_provider_payment_id_index" on "hub_payment_checkout" ("provider", "provider_payment_id");`);
    this.addSql(`alter table "hub_payment_checkout" add constraint "hub_payment_checkout_order_id_account_id_unique" unique ("order_id", "account_id");`);

    this.addSql(`create table "hub_access_code_subscription" ("id" varchar(36) not null, "expires_at" timestamptz null, "status" varchar(20) null, "last_event_id" varchar(36) not null, "updated_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "hub_webhook_endpoint" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "url" varchar(2000) not null, "description" varchar(500) null, "event_types" jsonb not null, "enabled" boolean not null default true, "disabled_reason" varchar(16) null, "disabled_at" timestamptz null, "secret_sealed" text not null, "previous_secret_sealed" text null, "previous_secret_expires_at" timestamptz null, "headers_sealed" text null, "header_names" jsonb not null, "rate_limit_per_second" int null, "include_credentials" boolean not null default false, "failing_since" timestamptz null, "last_success_at" timestamptz null, "last_failure_at" timestamptz null, "rate_window" int not null default 0, "rate_count" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "hub_webhook_endpoint_enabled_index" on "hub_webhook_endpoint" ("enabled");`);

    this.addSql(`create table "hub_webhook_delivery" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "endpoint_id" varchar(36) not null, "event_id" varchar(36) null, "event_type" varchar(100) not null, "test_data" jsonb null, "status" varchar(16) not null default 'pending', "round" int not null default 0, "attempt_count" int not null default 0, "next_attempt_at" timestamptz null, "claimed_until" timestamptz null, "delivered_at" timestamptz null, "last_status" int null, "last_error" varchar(500) null, primary key ("id"));`);
    this.addSql(`create index "hub_webhook_delivery_status_next_attempt_at_index" on "hub_webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`create index "hub_webhook_delivery_endpoint_id_id_index" on "hub_webhook_delivery" ("endpoint_id", "id");`);
    this.addSql(`alter table "hub_webhook_delivery" add constraint "hub_webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`create table "hub_webhook_attempt" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "delivery_id" varchar(36) not null, "round" int not null, "attempt" int not null, "started_at" timestamptz not null, "duration_ms" int not null, "status_code" int null, "success" boolean not null, "error" varchar(500) null, "response_excerpt" text null, "next_attempt_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_webhook_attempt_delivery_id_id_index" on "hub_webhook_attempt" ("delivery_id", "id");`);

    this.addSql(`create table "hub_workflow_lock" ("key" varchar(300) not null, "run_id" varchar(36) not null, "acquired_at" timestamptz not null, primary key ("key"));`);

    this.addSql(`create table "hub_workflow_revision" ("id" varchar(36) not null, "workflow_id" varchar(100) not null, "revision" int not null, "source" varchar(16) not null, "yaml" text not null, "hash" varchar(64) not null, "created_by" varchar(200) null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "hub_workflow_revision_workflow_id_hash_index" on "hub_workflow_revision" ("workflow_id", "hash");`);
    this.addSql(`alter table "hub_workflow_revision" add constraint "hub_workflow_revision_workflow_id_revision_unique" unique ("workflow_id", "revision");`);

    this.addSql(`create table "hub_workflow" ("id" varchar(100) not null, "source" varchar(16) not null, "file" varchar(1000) null, "revision" int not null, "enabled" boolean not null default true, "webhook_secret_sealed" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "hub_workflow_run" ("id" varchar(36) not null, "workflow_id" varchar(100) not null, "revision" int not null, "revision_id" varchar(36) not null, "status" varchar(16) not null default 'queued', "phase" varchar(16) not null default 'main', "trigger" jsonb not null, "trigger_key" varchar(300) null, "event" jsonb not null, "inputs" jsonb not null, "concurrency_key" varchar(300) null, "subscription_id" varchar(36) null, "correlation_id" varchar(128) not null, "error" jsonb null, "parent_run_id" varchar(36) null, "idempotency_root" varchar(36) null, "version" int not null default 0, "wake_at" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "hub_workflow_run_concurrency_key_status_index" on "hub_workflow_run" ("concurrency_key", "status");`);
    this.addSql(`create index "hub_workflow_run_correlation_id_index" on "hub_workflow_run" ("correlation_id");`);
    this.addSql(`create index "hub_workflow_run_subscription_id_index" on "hub_workflow_run" ("subscription_id");`);
    this.addSql(`create index "hub_workflow_run_status_updated_at_index" on "hub_workflow_run" ("status", "updated_at");`);
    this.addSql(`create index "hub_workflow_run_workflow_id_id_index" on "hub_workflow_run" ("workflow_id", "id");`);
    this.addSql(`alter table "hub_workflow_run" add constraint "hub_workflow_run_trigger_key_unique" unique ("trigger_key");`);

    this.addSql(`create table "hub_workflow_step" ("id" varchar(36) not null, "run_id" varchar(36) not null, "step_id" varchar(64) not null, "phase" varchar(16) not null, "position" int not null, "uses" varchar(100) not null, "status" varchar(16) not null default 'pending', "attempts" int not null default 0, "input" jsonb null, "output" jsonb null, "state" jsonb null, "error" jsonb null, "attempt_log" jsonb not null, "next_attempt_at" timestamptz null, "lease_until" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_workflow_step_run_id_position_index" on "hub_workflow_step" ("run_id", "position");`);

    this.addSql(`alter table "hub_package" add constraint "hub_package_panel_id_foreign" foreign key ("panel_id") references "hub_panel" ("id") on delete cascade;`);

    this.addSql(`alter table "hub_plugin_state" add constraint "hub_plugin_state_panel_id_foreign" foreign key ("panel_id") references "hub_panel" ("id") on delete cascade;`);

    this.addSql(`alter table "hub_access_code" add constraint "hub_access_code_portal_id_foreign" foreign key ("portal_id") references "hub_portal" ("id") on delete restrict;`);

    this.addSql(`alter table "hub_product" add constraint "hub_product_panel_id_foreign" foreign key ("panel_id") references "hub_panel" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_product" add constraint "hub_product_fallback_panel_id_foreign" foreign key ("fallback_panel_id") references "hub_panel" ("id") on delete set null;`);

    this.addSql(`alter table "hub_product_payment_policy" add constraint "hub_product_payment_policy_product_id_foreign" foreign key ("product_id") references "hub_product" ("id") on delete cascade;`);

    this.addSql(`alter table "hub_subscription" add constraint "hub_subscription_customer_id_foreign" foreign key ("customer_id") references "hub_customer" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_subscription" add constraint "hub_subscription_product_id_foreign" foreign key ("product_id") references "hub_product" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_subscription" add constraint "hub_subscription_panel_id_foreign" foreign key ("panel_id") references "hub_panel" ("id") on delete restrict;`);

    this.addSql(`alter table "hub_order" add constraint "hub_order_customer_id_foreign" foreign key ("customer_id") references "hub_customer" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_order" add constraint "hub_order_product_id_foreign" foreign key ("product_id") references "hub_product" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_order" add constraint "hub_order_subscription_id_foreign" foreign key ("subscription_id") references "hub_subscription" ("id") on delete set null;`);

    this.addSql(`alter table "hub_payment_checkout" add constraint "hub_payment_checkout_order_id_foreign" foreign key ("order_id") references "hub_order" ("id") on delete cascade;`);
    this.addSql(`alter table "hub_payment_checkout" add constraint "hub_payment_checkout_account_id_foreign" foreign key ("account_id") references "hub_payment_account" ("id") on delete restrict;`);

    this.addSql(`alter table "hub_webhook_delivery" add constraint "hub_webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "hub_webhook_endpoint" ("id") on delete cascade;`);

    this.addSql(`alter table "hub_webhook_attempt" add constraint "hub_webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "hub_webhook_delivery" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_subscription" drop constraint "hub_subscription_customer_id_foreign";`);
    this.addSql(`alter table "hub_order" drop constraint "hub_order_customer_id_foreign";`);
    this.addSql(`alter table "hub_package" drop constraint "hub_package_panel_id_foreign";`);
    this.addSql(`alter table "hub_plugin_state" drop constraint "hub_plugin_state_panel_id_foreign";`);
    this.addSql(`alter table "hub_product" drop constraint "hub_product_panel_id_foreign";`);
    this.addSql(`alter table "hub_product" drop constraint "hub_product_fallback_panel_id_foreign";`);
    this.addSql(`alter table "hub_subscription" drop constraint "hub_subscription_panel_id_foreign";`);
    this.addSql(`alter table "hub_payment_checkout" drop constraint "hub_payment_checkout_account_id_foreign";`);
    this.addSql(`alter table "hub_access_code" drop constraint "hub_access_code_portal_id_foreign";`);
    this.addSql(`alter table "hub_product_payment_policy" drop constraint "hub_product_payment_policy_product_id_foreign";`);
    this.addSql(`alter table "hub_subscription" drop constraint "hub_subscription_product_id_foreign";`);
    this.addSql(`alter table "hub_order" drop constraint "hub_order_product_id_foreign";`);
    this.addSql(`alter table "hub_order" drop constraint "hub_order_subscription_id_foreign";`);
    this.addSql(`alter table "hub_payment_checkout" drop constraint "hub_payment_checkout_order_id_foreign";`);
    this.addSql(`alter table "hub_webhook_delivery" drop constraint "hub_webhook_delivery_endpoint_id_foreign";`);
    this.addSql(`alter table "hub_webhook_attempt" drop constraint "hub_webhook_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "hub_access_code_import" cascade;`);
    this.addSql(`drop table if exists "hub_access_code_import_chunk" cascade;`);
    this.addSql(`drop table if exists "hub_access_code_import_row" cascade;`);
    this.addSql(`drop table if exists "hub_access_code_operation" cascade;`);
    this.addSql(`drop table if exists "hub_api_key" cascade;`);
    this.addSql(`drop table if exists "hub_audit_entry" cascade;`);
    this.addSql(`drop table if exists "hub_customer" cascade;`);
    this.addSql(`drop table if exists "hub_event" cascade;`);
    this.addSql(`drop table if exists "hub_idempotency_record" cascade;`);
    this.addSql(`drop table if exists "hub_job" cascade;`);
    this.addSql(`drop table if exists "hub_lease" cascade;`);
    this.addSql(`drop table if exists "hub_code_login_throttle" cascade;`);
    this.addSql(`drop table if exists "hub_panel" cascade;`);
    this.addSql(`drop table if exists "hub_package" cascade;`);
    this.addSql(`drop table if exists "hub_payment_account" cascade;`);
    this.addSql(`drop table if exists "hub_payment_event" cascade;`);
    this.addSql(`drop table if exists "hub_plugin_state" cascade;`);
    this.addSql(`drop table if exists "hub_portal" cascade;`);
    this.addSql(`drop table if exists "hub_access_code" cascade;`);
    this.addSql(`drop table if exists "hub_product" cascade;`);
    this.addSql(`drop table if exists "hub_product_payment_policy" cascade;`);
    this.addSql(`drop table if exists "hub_subscription" cascade;`);
    this.addSql(`drop table if exists "hub_order" cascade;`);
    this.addSql(`drop table if exists "hub_payment_checkout" cascade;`);
    this.addSql(`drop table if exists "hub_access_code_subscription" cascade;`);
    this.addSql(`drop table if exists "hub_webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "hub_webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "hub_webhook_attempt" cascade;`);
    this.addSql(`drop table if exists "hub_workflow_lock" cascade;`);
    this.addSql(`drop table if exists "hub_workflow_revision" cascade;`);
    this.addSql(`drop table if exists "hub_workflow" cascade;`);
    this.addSql(`drop table if exists "hub_workflow_run" cascade;`);
    this.addSql(`drop table if exists "hub_workflow_step" cascade;`);
  }

}
