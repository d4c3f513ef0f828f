import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132140_initial extends Migration {

  override name = 'Migration20261123132140_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_access_code_import\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`status\` text not null default 'uploading', \`mode\` text not null, \`dry_run\` integer not null, \`code_length\` integer not null, \`default_portal_id\` text null, \`file_name\` text null, \`requested_by\` text not null, \`total_bytes\` integer not null default 0, \`processed_bytes\` integer not null default 0, \`percent\` integer not null default 0, \`rows\` integer not null default 0, \`created\` integer not null default 0, \`invalid\` integer not null default 0, \`duplicate\` integer not null default 0, \`error\` text null, \`started_at\` datetime null, \`finished_at\` datetime null);`);

    this.addSql(`create table \`hub_access_code_import_chunk\` (\`import_id\` text not null, \`seq\` integer not null, \`sealed\` text not null, primary key (\`import_id\`, \`seq\`));`);

    this.addSql(`create table \`hub_access_code_import_row\` (\`id\` text not null primary key, \`import_id\` text not null, \`row\` integer not null, \`line\` integer not null, \`outcome\` text not null, \`code\` text null, \`field\` text null, \`reason\` text null);`);
    this.addSql(`create index \`hub_access_code_import_row_import_id_outcome_row_index\` on \`hub_access_code_import_row\` (\`import_id\`, \`outcome\`, \`row\`);`);
    this.addSql(`create index \`hub_access_code_import_row_import_id_row_index\` on \`hub_access_code_import_row\` (\`import_id\`, \`row\`);`);

    this.addSql(`create table \`hub_access_code_operation\` (\`key\` text not null primary key, \`operation\` text not null, \`result\` json not null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`hub_api_key\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`prefix\` text not null, \`key_hash\` text not null, \`scopes\` json not null, \`ip_allow_list\` json null, \`expires_at\` datetime null, \`revoked_at\` datetime null, \`last_used_at\` datetime null);`);
    this.addSql(`create unique index \`hub_api_key_key_hash_unique\` on \`hub_api_key\` (\`key_hash\`);`);

    this.addSql(`create table \`hub_audit_entry\` (\`id\` text not null primary key, \`at\` datetime not null, \`actor_type\` text not null, \`actor_id\` text not null, \`action\` text not null, \`target_type\` text null, \`target_id\` text null, \`correlation_id\` text not null, \`outcome\` text not null, \`ip\` text null, \`details\` json not null, \`chain_seq\` bigint null, \`prev_hash\` text null, \`hash\` text null);`);
    this.addSql(`create index \`hub_audit_entry_correlation_id_index\` on \`hub_audit_entry\` (\`correlation_id\`);`);
    this.addSql(`create index \`hub_audit_entry_target_type_target_id_index\` on \`hub_audit_entry\` (\`target_type\`, \`target_id\`);`);
    this.addSql(`create index \`hub_audit_entry_action_id_index\` on \`hub_audit_entry\` (\`action\`, \`id\`);`);
    this.addSql(`create index \`hub_audit_entry_actor_id_id_index\` on \`hub_audit_entry\` (\`actor_id\`, \`id\`);`);
    this.addSql(`create unique index \`hub_audit_entry_chain_seq_unique\` on \`hub_audit_entry\` (\`chain_seq\`);`);

    this.addSql(`create table \`hub_customer\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`email\` text not null, \`name\` text null, \`external_refs\` json not null, \`notes\` text null);`);
    this.addSql(`create unique index \`hub_customer_email_unique\` on \`hub_customer\` (\`email\`);`);
    this.addSql(`create index \`hub_customer_name_index\` on \`hub_customer\` (\`name\`);`);

    this.addSql(`create table \`hub_event\` (\`id\` text not null primary key, \`type\` text not null, \`occurred_at\` datetime not null, \`correlation_id\` text not null, \`subject_type\` text null, \`subject_id\` text null, \`payload\` json not null, \`dispatched_at\` datetime null);`);
    this.addSql(`create index \`hub_event_subject_type_subject_id_index\` on \`hub_event\` (\`subject_type\`, \`subject_id\`);`);
    this.addSql(`create index \`hub_event_correlation_id_index\` on \`hub_event\` (\`correlation_id\`);`);
    this.addSql(`create index \`hub_event_type_id_index\` on \`hub_event\` (\`type\`, \`id\`);`);

    this.addSql(`create table \`hub_idempotency_record\` (\`id\` text not null primary key, \`fingerprint\` text not null, \`state\` text not null, \`response_status\` integer null, \`response_sealed\` text null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`hub_job\` (\`id\` text not null primary key, \`name\` text not null, \`data\` json not null, \`status\` text not null default 'pending', \`run_at\` bigint not null, \`attempts\` integer not null default 0, \`max_attempts\` integer not null, \`backoff_ms\` integer not null, \`lease_until\` bigint null, \`locked_by\` text null, \`correlation_id\` text null, \`last_error\` text null, \`created_at\` bigint not null, \`finished_at\` bigint null);`);
    this.addSql(`create index \`hub_job_status_run_at_index\` on \`hub_job\` (\`status\`, \`run_at\`);`);

    this.addSql(`create table \`hub_lease\` (\`name\` text not null primary key, \`holder\` text not null, \`expires_at\` bigint not null);`);

    this.addSql(`create table \`hub_code_login_throttle\` (\`bucket\` text not null primary key, \`failures\` integer not null, \`window_start\` bigint not null, \`locked_until\` bigint not null, \`level\` integer not null, \`last_lock_at\` bigint not null);`);
    this.addSql(`create index \`hub_code_login_throttle_locked_until_index\` on \`hub_code_login_throttle\` (\`locked_until\`);`);

    this.addSql(`create table \`hub_panel\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`type\` text not null, \`base_url\` text null, \`credentials_sealed\` text not null, \`credential_fields\` json not null, \`options\` json not null, \`status\` text not null default 'unknown', \`last_health\` json null, \`last_checked_at\` datetime null);`);
    this.addSql(`create index \`hub_panel_type_index\` on \`hub_panel\` (\`type\`);`);

    this.addSql(`create table \`hub_package\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`panel_id\` text not null, \`external_id\` text not null, \`name\` text not null, \`channel_count\` integer null, \`vod_count\` integer null, \`series_count\` integer null, \`duration_days\` double null, \`max_connections\` integer null, \`credit_cost\` double null, \`is_trial\` integer null, \`missing\` integer not null default false, \`raw\` json null, \`last_seen_at\` datetime not null, constraint \`hub_package_panel_id_foreign\` foreign key (\`panel_id\`) references \`hub_panel\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_package_panel_id_index\` on \`hub_package\` (\`panel_id\`);`);
    this.addSql(`create index \`hub_package_panel_id_missing_index\` on \`hub_package\` (\`panel_id\`, \`missing\`);`);
    this.addSql(`create unique index \`hub_package_panel_id_external_id_unique\` on \`hub_package\` (\`panel_id\`, \`external_id\`);`);

    this.addSql(`create table \`hub_payment_account\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`type\` text not null, \`credentials_sealed\` text not null, \`credential_fields\` json not null, \`enabled\` integer not null default true, \`last_test\` json null, \`last_tested_at\` datetime null);`);
    this.addSql(`create index \`hub_payment_account_type_index\` on \`hub_payment_account\` (\`type\`);`);

    this.addSql(`create table \`hub_payment_event\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider\` text not null, \`account_id\` text not null, \`provider_event_id\` text not null, \`provider_event_type\` text null, \`type\` text not null, \`provider_payment_id\` text null, \`order_id\` text null, \`status\` text not null, \`source\` text not null default 'webhook', \`event\` json not null, \`detail\` json null, \`received_at\` datetime not null, \`applied_at\` datetime null);`);
    this.addSql(`create index \`hub_payment_event_status_received_at_index\` on \`hub_payment_event\` (\`status\`, \`received_at\`);`);
    this.addSql(`create index \`hub_payment_event_order_id_index\` on \`hub_payment_event\` (\`order_id\`);`);
    this.addSql(`create index \`hub_payment_event_account_id_status_index\` on \`hub_payment_event\` (\`account_id\`, \`status\`);`);
    this.addSql(`create unique index \`hub_payment_event_provider_provider_event_id_unique\` on \`hub_payment_event\` (\`provider\`, \`provider_event_id\`);`);

    this.addSql(`create table \`hub_plugin_state\` (\`id\` text not null primary key, \`panel_id\` text not null, \`key\` text not null, \`value\` text not null, \`updated_at\` datetime not null, constraint \`hub_plugin_state_panel_id_foreign\` foreign key (\`panel_id\`) references \`hub_panel\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_plugin_state_panel_id_index\` on \`hub_plugin_state\` (\`panel_id\`);`);
    this.addSql(`create unique index \`hub_plugin_state_panel_id_key_unique\` on \`hub_plugin_state\` (\`panel_id\`, \`key\`);`);

    this.addSql(`create table \`hub_portal\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`url\` text not null, \`notes\` text null);`);
    this.addSql(`create index \`hub_portal_name_index\` on \`hub_portal\` (\`name\`);`);

    this.addSql(`create table \`hub_access_code\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`portal_id\` text not null, \`username\` text not null, \`password_sealed\` text not null, \`status\` text not null default 'active', \`notes\` text null, \`subscription_id\` text null, \`expiry_mode\` text not null default 'default', \`expires_at\` datetime null, \`subscription_expires_at\` datetime null, \`effective_expires_at\` datetime null, \`import_id\` text null, \`pending\` integer not null default false, constraint \`hub_access_code_portal_id_foreign\` foreign key (\`portal_id\`) references \`hub_portal\` (\`id\`) on delete restrict);`);
    this.addSql(`create unique index \`hub_access_code_code_unique\` on \`hub_access_code\` (\`code\`);`);
    this.addSql(`create index \`hub_access_code_import_id_index\` on \`hub_access_code\` (\`import_id\`);`);
    this.addSql(`create index \`hub_access_code_status_effective_expires_at_index\` on \`hub_access_code\` (\`status\`, \`effective_expires_at\`);`);
    this.addSql(`create index \`hub_access_code_subscription_id_index\` on \`hub_access_code\` (\`subscription_id\`);`);
    this.addSql(`create index \`hub_access_code_portal_id_index\` on \`hub_access_code\` (\`portal_id\`);`);

    this.addSql(`create table \`hub_product\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`panel_id\` text not null, \`package_external_id\` text not null, \`duration_unit\` text not null, \`duration_value\` integer not null, \`trial\` integer not null default false, \`max_connections\` integer not null, \`price_minor\` integer not null, \`currency\` text not null, \`reseller_credit_cost\` integer null, \`active\` integer not null default true, \`package_missing\` integer not null default false, \`fallback_panel_id\` text null, \`fallback_package_external_id\` text null, constraint \`hub_product_panel_id_foreign\` foreign key (\`panel_id\`) references \`hub_panel\` (\`id\`) on delete restrict, constraint \`hub_product_fallback_panel_id_foreign\` foreign key (\`fallback_panel_id\`) references \`hub_panel\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`hub_product_fallback_panel_id_index\` on \`hub_product\` (\`fallback_panel_id\`);`);
    this.addSql(`create index \`hub_product_panel_id_index\` on \`hub_product\` (\`panel_id\`);`);

    this.addSql(`create table \`hub_product_payment_policy\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`product_id\` text not null, \`tolerance_percent\` double not null, \`underpayment\` text not null, constraint \`hub_product_payment_policy_product_id_foreign\` foreign key (\`product_id\`) references \`hub_product\` (\`id\`) on delete cascade);`);
    this.addSql(`create unique index \`hub_product_payment_policy_product_id_unique\` on \`hub_product_payment_policy\` (\`product_id\`);`);

    this.addSql(`create table \`hub_subscription\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`customer_id\` text not null, \`product_id\` text not null, \`panel_id\` text not null, \`status\` text not null default 'pending', \`line_id\` text null, \`username\` text null, \`password_sealed\` text null, \`package_external_id\` text not null, \`max_connections\` integer not null, \`expires_at\` datetime null, \`review_reason\` json null, \`status_before_review\` text null, \`expiring_notified_for\` datetime null, \`line_deleted_at\` datetime null, \`history\` json not null, constraint \`hub_subscription_customer_id_foreign\` foreign key (\`customer_id\`) references \`hub_customer\` (\`id\`) on delete restrict, constraint \`hub_subscription_product_id_foreign\` foreign key (\`product_id\`) references \`hub_product\` (\`id\`) on delete restrict, constraint \`hub_subscription_panel_id_foreign\` foreign key (\`panel_id\`) references \`hub_panel\` (\`id\`) on delete restrict);`);
    this.addSql(`create index \`hub_subscription_product_id_index\` on \`hub_subscription\` (\`product_id\`);`);
    this.addSql(`create index \`hub_subscription_panel_id_index\` on \`hub_subscription\` (\`panel_id\`);`);
    this.addSql(`create index \`hub_subscription_panel_id_line_id_index\` on \`hub_subscription\` (\`panel_id\`, \`line_id\`);`);
    this.addSql(`create index \`hub_subscription_customer_id_index\` on \`hub_subscription\` (\`customer_id\`);`);
    this.addSql(`create index \`hub_subscription_status_expires_at_index\` on \`hub_subscription\` (\`status\`, \`expires_at\`);`);

    this.addSql(`create table \`hub_order\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider\` text not null, \`provider_payment_id\` text null, \`kind\` text not null, \`status\` text not null default 'pending', \`customer_id\` text not null, \`product_id\` text not null, \`subscription_id\` text null, \`amount_minor\` integer not null, \`amount_paid_minor\` integer null, \`currency\` text not null, \`paid_at\` datetime null, \`failed_at\` datetime null, \`refunded_at\` datetime null, \`metadata\` json null, constraint \`hub_order_customer_id_foreign\` foreign key (\`customer_id\`) references \`hub_customer\` (\`id\`) on delete restrict, constraint \`hub_order_product_id_foreign\` foreign key (\`product_id\`) references \`hub_product\` (\`id\`) on delete restrict, constraint \`hub_order_subscription_id_foreign\` foreign key (\`subscription_id\`) references \`hub_subscription\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`hub_order_product_id_index\` on \`hub_order\` (\`product_id\`);`);
    this.addSql(`create index \`hub_order_status_index\` on \`hub_order\` (\`status\`);`);
    this.addSql(`create index \`hub_order_subscription_id_index\` on \`hub_order\` (\`subscription_id\`);`);
    this.addSql(`create index \`hub_order_customer_id_index\` on \`hub_order\` (\`customer_id\`);`);
    this.addSql(`create unique index \`hub_order_provider_provider_payment_id_unique\` on \`hub_order\` (\`provider\`, \`provider_payment_id\`);`);

    this.addSql(`create table \`hub_payment_checkout\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`order_id\` text not null, \`account_id\` text not null, \`provider\` text not null, \`provider_payment_id\` text not null, \`latest_payment_id\` text null, \`provider_subscription_id\` text null, \`recurring\` integer not null default false, \`redirect_url\` text null, \`expires_at\` datetime null, \`status\` text not null default 'open', \`details\` json null, constraint \`hub_payment_checkout_order_id_foreign\` foreign key (\`order_id\`) references \`hub_order\` (\`id\`) on delete cascade, constraint \`hub_payment_checkout_account_id_foreign\` foreign key (\`account_id\`) references \`hub_payment_account\` (\`id\`) on delete restrict);`);
    this.addSql(`create index \`hub_payment_checkout_order_id_index\` on \`hub_payment_checkout\` (\`order_id\`);`);
    this.addSql(`create index \`hub_payment_checkout_account_id_index\` on \`hub_payment_checkout\` (\`account_id\`);`);
    this.addSql(`create index \`hub_payment_checkout_account_id_status_index\` on \`hub_payment_checkout\` (\`account_id\`, \`status\`);`);
    this.addSql(`create index \`hub_payment_checkout_provider_provider_subscription_id_index\` on \`hub_payment_checkout\` (\`provider\`, \`provider_subscription_id\`);`);
    this.addSql(`create index \`hub_payment_checkout_provider_provider_payment_id_index\` on \`hub_payment_checkout\` (\`provider\`, \`provider_payment_id\`);`);
    this.addSql(`create unique index \`hub_payment_checkout_order_id_account_id_unique\` on \`hub_payment_checkout\` (\`order_id\`, \`account_id\`);`);

    this.addSql(`create table \`hub_access_code_subscription\` (\`id\` text not null primary key, \`expires_at\` datetime null, \`status\` text null, \`last_event_id\` text not null, \`updated_at\` datetime not null);`);

    this.addSql(`create table \`hub_webhook_endpoint\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`url\` text not null, \`description\` text null, \`event_types\` json not null, \`enabled\` integer not null default true, \`disabled_reason\` text null, \`disabled_at\` datetime null, \`secret_sealed\` text not null, \`previous_secret_sealed\` text null, \`previous_secret_expires_at\` datetime null, \`headers_sealed\` text null, \`header_names\` json not null, \`rate_limit_per_second\` integer null, \`include_credentials\` integer not null default false, \`failing_since\` datetime null, \`last_success_at\` datetime null, \`last_failure_at\` datetime null, \`rate_window\` integer not null default 0, \`rate_count\` integer not null default 0);`);
    this.addSql(`create index \`hub_webhook_endpoint_enabled_index\` on \`hub_webhook_endpoint\` (\`enabled\`);`);

    this.addSql(`create table \`hub_webhook_delivery\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`endpoint_id\` text not null, \`event_id\` text null, \`event_type\` text not null, \`test_data\` json null, \`status\` text not null default 'pending', \`round\` integer not null default 0, \`attempt_count\` integer not null default 0, \`next_attempt_at\` datetime null, \`claimed_until\` datetime null, \`delivered_at\` datetime null, \`last_status\` integer null, \`last_error\` text null, constraint \`hub_webhook_delivery_endpoint_id_foreign\` foreign key (\`endpoint_id\`) references \`hub_webhook_endpoint\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_webhook_delivery_endpoint_id_index\` on \`hub_webhook_delivery\` (\`endpoint_id\`);`);
    this.addSql(`create index \`hub_webhook_delivery_status_next_attempt_at_index\` on \`hub_webhook_delivery\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`hub_webhook_delivery_endpoint_id_id_index\` on \`hub_webhook_delivery\` (\`endpoint_id\`, \`id\`);`);
    this.addSql(`create unique index \`hub_webhook_delivery_endpoint_id_event_id_unique\` on \`hub_webhook_delivery\` (\`endpoint_id\`, \`event_id\`);`);

    this.addSql(`create table \`hub_webhook_attempt\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`delivery_id\` text not null, \`round\` integer not null, \`attempt\` integer not null, \`started_at\` datetime not null, \`duration_ms\` integer not null, \`status_code\` integer null, \`success\` integer not null, \`error\` text null, \`response_excerpt\` text null, \`next_attempt_at\` datetime null, constraint \`hub_webhook_attempt_delivery_id_foreign\` foreign key (\`delivery_id\`) references \`hub_webhook_delivery\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_webhook_attempt_delivery_id_index\` on \`hub_webhook_attempt\` (\`delivery_id\`);`);
    this.addSql(`create index \`hub_webhook_attempt_delivery_id_id_index\` on \`hub_webhook_attempt\` (\`delivery_id\`, \`id\`);`);

    this.addSql(`create table \`hub_workflow_lock\` (\`key\` text not null primary key, \`run_id\` text not null, \`acquired_at\` datetime not null);`);

    this.addSql(`create table \`hub_workflow_revision\` (\`id\` text not null primary key, \`workflow_id\` text not null, \`revision\` integer not null, \`source\` text not null, \`yaml\` text not null, \`hash\` text not null, \`created_by\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`hub_workflow_revision_workflow_id_hash_index\` on \`hub_workflow_revision\` (\`workflow_id\`, \`hash\`);`);
    this.addSql(`create unique index \`hub_workflow_revision_workflow_id_revision_unique\` on \`hub_workflow_revision\` (\`workflow_id\`, \`revision\`);`);

    this.addSql(`create table \`hub_workflow\` (\`id\` text not null primary key, \`source\` text not null, \`file\` text null, \`revision\` integer not null, \`enabled\` integer not null default true, \`webhook_secret_sealed\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);

    this.addSql(`create table \`hub_workflow_run\` (\`id\` text not null primary key, \`workflow_id\` text not null, \`revision\` integer not null, \`revision_id\` text not null, \`status\` text not null default 'queued', \`phase\` text not null default 'main', \`trigger\` json not null, \`trigger_key\` text null, \`event\` json not null, \`inputs\` json not null, \`concurrency_key\` text null, \`subscription_id\` text null, \`correlation_id\` text not null, \`error\` json null, \`parent_run_id\` text null, \`idempotency_root\` text null, \`version\` integer not null default 0, \`wake_at\` datetime null, \`started_at\` datetime null, \`finished_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`hub_workflow_run_concurrency_key_status_index\` on \`hub_workflow_run\` (\`concurrency_key\`, \`status\`);`);
    this.addSql(`create index \`hub_workflow_run_correlation_id_index\` on \`hub_workflow_run\` (\`correlation_id\`);`);
    this.addSql(`create index \`hub_workflow_run_subscription_id_index\` on \`hub_workflow_run\` (\`subscription_id\`);`);
    this.addSql(`create index \`hub_workflow_run_status_updated_at_index\` on \`hub_workflow_run\` (\`status\`, \`updated_at\`);`);
    this.addSql(`create index \`hub_workflow_run_workflow_id_id_index\` on \`hub_workflow_run\` (\`workflow_id\`, \`id\`);`);
    this.addSql(`create unique index \`hub_workflow_run_trigger_key_unique\` on \`hub_workflow_run\` (\`trigger_key\`);`);

    this.addSql(`create table \`hub_workflow_step\` (\`id\` text not null primary key, \`run_id\` text not null, \`step_id\` text not null, \`phase\` text not null, \`position\` integer not null, \`uses\` text not null, \`status\` text not null default 'pending', \`attempts\` integer not null default 0, \`input\` json null, \`output\` json null, \`state\` json null, \`error\` json null, \`attempt_log\` json not null, \`next_attempt_at\` datetime null, \`lease_until\` datetime null, \`started_at\` datetime null, \`finished_at\` datetime null);`);
    this.addSql(`create index \`hub_workflow_step_run_id_position_index\` on \`hub_workflow_step\` (\`run_id\`, \`position\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`hub_access_code_import\`;`);
    this.addSql(`drop table if exists \`hub_access_code_import_chunk\`;`);
    this.addSql(`drop table if exists \`hub_access_code_import_row\`;`);
    this.addSql(`drop table if exists \`hub_access_code_operation\`;`);
    this.addSql(`drop table if exists \`hub_api_key\`;`);
    this.addSql(`drop table if exists \`hub_audit_entry\`;`);
    this.addSql(`drop table if exists \`hub_customer\`;`);
    this.addSql(`drop table if exists \`hub_event\`;`);
    this.addSql(`drop table if exists \`hub_idempotency_record\`;`);
    this.addSql(`drop table if exists \`hub_job\`;`);
    this.addSql(`drop table if exists \`hub_lease\`;`);
    this.addSql(`drop table if exists \`hub_code_login_throttle\`;`);
    this.addSql(`drop table if exists \`hub_panel\`;`);
    this.addSql(`drop table if exists \`hub_package\`;`);
    this.addSql(`drop table if exists \`hub_payment_account\`;`);
    this.addSql(`drop table if exists \`hub_payment_event\`;`);
    this.addSql(`drop table if exists \`hub_plugin_state\`;`);
    this.addSql(`drop table if exists \`hub_portal\`;`);
    this.addSql(`drop table if exists \`hub_access_code\`;`);
    this.addSql(`drop table if exists \`hub_product\`;`);
    this.addSql(`drop table if exists \`hub_product_payment_policy\`;`);
    this.addSql(`drop table if exists \`hub_subscription\`;`);
    this.addSql(`drop table if exists \`hub_order\`;`);
    this.addSql(`drop table if exists \`hub_payment_checkout\`;`);
    this.addSql(`drop table if exists \`hub_access_code_subscription\`;`);
    this.addSql(`drop table if exists \`hub_webhook_endpoint\`;`);
    this.addSql(`drop table if exists \`hub_webhook_delivery\`;`);
    this.addSql(`drop table if exists \`hub_webhook_attempt\`;`);
    this.addSql(`drop table if exists \`hub_workflow_lock\`;`);
    this.addSql(`drop table if exists \`hub_workflow_revision\`;`);
    this.addSql(`drop table if exists \`hub_workflow\`;`);
    this.addSql(`drop table if exists \`hub_workflow_run\`;`);
    this.addSql(`drop table if exists \`hub_workflow_step\`;`);
  }

}
