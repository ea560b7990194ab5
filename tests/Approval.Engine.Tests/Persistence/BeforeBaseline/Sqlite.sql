CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "agent_authorizations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_agent_authorizations" PRIMARY KEY,
    "AgentId" TEXT NOT NULL,
    "InvestorId" TEXT NOT NULL,
    "InvestorName" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NOT NULL,
    "GrantedBy" TEXT NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL
);

CREATE TABLE "instances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_instances" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "ProjectCode" TEXT NULL,
    "ProjectCodeLocallyIssued" INTEGER NOT NULL,
    "ProjectName" TEXT NOT NULL,
    "InvestorId" TEXT NOT NULL,
    "InvestorName" TEXT NOT NULL,
    "AgentId" TEXT NULL,
    "Division" TEXT NOT NULL,
    "Industry" TEXT NOT NULL,
    "InvestmentAmount" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CurrentActivityId" TEXT NOT NULL,
    "SubmittedMaterials" text NOT NULL,
    "Deficiencies" text NOT NULL,
    "DeficienciesDueOn" TEXT NULL,
    "QueryKey" TEXT NULL,
    "FiledAt" TEXT NOT NULL,
    "AcceptedOn" TEXT NULL,
    "TargetWorkingDays" INTEGER NOT NULL,
    "ExtensionWorkingDays" INTEGER NOT NULL,
    "DueOn" TEXT NULL,
    "StepStartedOn" TEXT NULL,
    "SurveyOn" TEXT NULL,
    "StepDueOn" TEXT NULL,
    "EndedAt" TEXT NULL,
    "EndedOn" TEXT NULL,
    "OnTime" INTEGER NULL,
    "OutcomeReason" text NULL,
    "JournalCount" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "issued_project_codes" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_issued_project_codes" PRIMARY KEY,
    "IssuedAt" TEXT NOT NULL
);

CREATE TABLE "operations" (
    "OperationId" TEXT NOT NULL CONSTRAINT "PK_operations" PRIMARY KEY,
    "CommandType" TEXT NOT NULL,
    "InstanceId" TEXT NULL,
    "UserId" TEXT NOT NULL,
    "Result" text NOT NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "clock_stops" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_clock_stops" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "TaskId" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "Notice" text NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "ExpectedWorkingDays" INTEGER NOT NULL,
    "ResumesOn" TEXT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    CONSTRAINT "FK_clock_stops_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "instances" ("Id") ON DELETE CASCADE
);

CREATE TABLE "extensions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_extensions" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "TaskId" TEXT NOT NULL,
    "WorkingDays" INTEGER NOT NULL,
    "Reason" text NOT NULL,
    "Status" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionNote" text NULL,
    CONSTRAINT "FK_extensions_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "instances" ("Id") ON DELETE CASCADE
);

CREATE TABLE "journal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_journal" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ProjectCode" TEXT NULL,
    "ActivityId" TEXT NULL,
    "DepartmentId" TEXT NULL,
    "MatterCode" TEXT NULL,
    "TaskId" TEXT NULL,
    "Event" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "Reasons" text NULL,
    "UserId" TEXT NOT NULL,
    "ActorRole" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "WorkingDay" TEXT NOT NULL,
    "OperationId" TEXT NULL,
    CONSTRAINT "FK_journal_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "instances" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "material_files" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_material_files" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "MaterialCode" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_material_files_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "instances" ("Id") ON DELETE CASCADE
);

CREATE TABLE "tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_tasks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "DepartmentId" TEXT NULL,
    "MatterCode" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Comment" text NULL,
    "Items" text NOT NULL,
    "Round" INTEGER NOT NULL,
    "OpenedOn" TEXT NULL,
    "LimitWorkingDays" INTEGER NOT NULL,
    "ExtensionWorkingDays" INTEGER NOT NULL,
    "DueOn" TEXT NULL,
    "WarnOn" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedBy" TEXT NULL,
    CONSTRAINT "FK_tasks_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "instances" ("Id") ON DELETE CASCADE
);

CREATE TABLE "timers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_timers" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "TaskId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseExpiresAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "FiredAt" TEXT NULL,
    CONSTRAINT "FK_timers_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "instances" ("Id") ON DELETE CASCADE
);

CREATE INDEX "ix_agent_authorizations_agent_investor" ON "agent_authorizations" ("AgentId", "InvestorId");

CREATE INDEX "ix_agent_authorizations_investor" ON "agent_authorizations" ("InvestorId");

CREATE INDEX "ix_clock_stops_instance" ON "clock_stops" ("InstanceId");

CREATE INDEX "ix_extensions_instance" ON "extensions" ("InstanceId");

CREATE INDEX "ix_extensions_status" ON "extensions" ("Status");

CREATE INDEX "ix_instances_agent" ON "instances" ("AgentId");

CREATE INDEX "ix_instances_code" ON "instances" ("ProjectCode");

CREATE INDEX "ix_instances_investor" ON "instances" ("InvestorId");

CREATE INDEX "ix_instances_status_due" ON "instances" ("Status", "DueOn");

CREATE UNIQUE INDEX "ux_instances_running_code" ON "instances" ("ProjectCode", "DefinitionId") WHERE "ProjectCode" IS NOT NULL AND "EndedAt" IS NULL;

CREATE INDEX "ix_journal_code" ON "journal" ("ProjectCode");

CREATE UNIQUE INDEX "ux_journal_instance_sequence" ON "journal" ("InstanceId", "Sequence");

CREATE INDEX "ix_material_files_instance" ON "material_files" ("InstanceId");

CREATE INDEX "ix_tasks_department_open_due" ON "tasks" ("DepartmentId", "Status", "DueOn");

CREATE INDEX "ix_tasks_instance" ON "tasks" ("InstanceId");

CREATE INDEX "ix_tasks_status_due" ON "tasks" ("Status", "DueOn");

CREATE INDEX "ix_timers_instance" ON "timers" ("InstanceId");

CREATE INDEX "ix_timers_status_due" ON "timers" ("Status", "DueAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "operations" ADD "InstanceVersion" INTEGER NULL;

CREATE UNIQUE INDEX "ux_operations_instance_version" ON "operations" ("InstanceId", "InstanceVersion");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129000000_OperationVersions', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "ix_tasks_instance_status" ON "tasks" ("InstanceId", "Status");

CREATE INDEX "ix_timers_instance_status" ON "timers" ("InstanceId", "Status");

DROP INDEX "ix_tasks_instance";

DROP INDEX "ix_timers_instance";

DROP INDEX "ix_journal_code";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129000100_HotPathIndexes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ef_temp_journal" (
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ProjectCode" TEXT NULL,
    "ActivityId" TEXT NULL,
    "DepartmentId" TEXT NULL,
    "MatterCode" TEXT NULL,
    "TaskId" TEXT NULL,
    "Event" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "Reasons" text NULL,
    "UserId" TEXT NOT NULL,
    "ActorRole" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "WorkingDay" TEXT NOT NULL,
    "OperationId" TEXT NULL,
    CONSTRAINT "PK_journal" PRIMARY KEY ("InstanceId", "Sequence"),
    CONSTRAINT "FK_journal_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "instances" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_journal" ("InstanceId", "Sequence", "ProjectCode", "ActivityId", "DepartmentId", "MatterCode", "TaskId", "Event",
"Decision", "Reasons", "UserId", "ActorRole", "At", "WorkingDay", "OperationId") SELECT "InstanceId", "Sequence", "ProjectCode", "ActivityId", "DepartmentId", "MatterCode", "TaskId", "Event",
"Decision", "Reasons", "UserId", "ActorRole", "At", "WorkingDay", "OperationId" FROM "journal";

DROP TABLE "journal";

ALTER TABLE "ef_temp_journal" RENAME TO "journal";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130000000_JournalNaturalKey', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "instances" ADD "UploadedMaterials" text NOT NULL DEFAULT ('[]');

ALTER TABLE "instances" ADD "PaperOriginals" text NOT NULL DEFAULT ('[]');

ALTER TABLE "tasks" ADD "Asks" text NOT NULL DEFAULT ('[]');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202000000_HandedInMaterials', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "operations" ADD "RequestFingerprint" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202100000_OperationRequestFingerprints', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "document_numbers" (
    "Prefix" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "Occasion" INTEGER NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "NumberedAt" TEXT NOT NULL,
    CONSTRAINT "PK_document_numbers" PRIMARY KEY ("Prefix", "Kind", "Year", "Sequence")
);

CREATE UNIQUE INDEX "ux_document_numbers_occasion" ON "document_numbers" ("InstanceId", "Kind", "Occasion");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203000000_DocumentNumbers', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "instances" ADD "ContactName" TEXT NULL;

ALTER TABLE "instances" ADD "ContactPhone" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203000100_ProjectContacts', '10.0.15');

COMMIT;

