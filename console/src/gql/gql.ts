/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleArt15($clientId: ID!) {\n    art15Report(clientId: $clientId) {\n      generatedAt\n      recipients {\n        name\n        disclosures\n        firstDisclosedAt\n        lastDisclosedAt\n        categories {\n          category\n          purposes\n          legalBases {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleArt15Document,
    "\n  query ConsoleAuditTrail($clientId: ID!) {\n    auditTrail(filter: { clientId: $clientId }, first: 100) {\n      edges {\n        node {\n          seq\n          at\n          agency\n          purpose\n          category\n          allowed\n          reason\n          legalBar\n        }\n      }\n    }\n    verifyAuditChain(clientId: $clientId) {\n      valid\n      entries\n      problem\n      firstBrokenSeq\n    }\n  }\n": typeof types.ConsoleAuditTrailDocument,
    "\n  query ConsoleAuditExport($clientId: ID!) {\n    auditExport(clientId: $clientId) {\n      entries\n      document\n    }\n  }\n": typeof types.ConsoleAuditExportDocument,
    "\n  mutation ConsoleAddNote($clientId: ID!, $category: NoteCategory!, $text: String!) {\n    addCaseNote(clientId: $clientId, category: $category, text: $text) {\n      id\n    }\n  }\n": typeof types.ConsoleAddNoteDocument,
    "\n  mutation ConsoleSendReferral($clientId: ID!, $toAgency: Agency!, $reason: ReferralReason!, $note: String) {\n    sendReferral(clientId: $clientId, toAgency: $toAgency, reason: $reason, note: $note) {\n      id\n    }\n  }\n": typeof types.ConsoleSendReferralDocument,
    "\n  mutation ConsoleAddGoal($clientId: ID!, $input: GoalInput!) {\n    addGoal(clientId: $clientId, input: $input) {\n      id\n    }\n  }\n": typeof types.ConsoleAddGoalDocument,
    "\n  mutation ConsoleCloseCase($id: ID!, $closedOn: String!, $reason: ClosingReason!) {\n    closeCase(id: $id, closedOn: $closedOn, reason: $reason) {\n      clientId\n    }\n  }\n": typeof types.ConsoleCloseCaseDocument,
    "\n  query ConsoleClients($first: Int!, $after: String, $filter: ClientFilter) {\n    clients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          givenName\n          familyName\n          town\n          status\n          targetGroup {\n            eligible\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleClientsDocument,
    "\n  query ConsoleJoinedClient($id: ID!) {\n    client(id: $id) {\n      id\n      givenName\n      familyName\n      birthDate\n      nationality\n      town\n      contact {\n        phone\n        email\n        address\n      }\n      status\n      registeredAt\n      caseManager {\n        name\n      }\n      targetGroup {\n        eligible\n        reason\n      }\n      goals {\n        id\n        title\n        status\n        dueDate\n        workedOnBy\n      }\n      referrals {\n        id\n        toAgency\n        reason\n        sentAt\n        firstContactAt\n        outcome\n      }\n      notes {\n        id\n        createdAt\n        text\n      }\n      healthNotes {\n        id\n        createdAt\n        text\n      }\n      immigrationRecordId\n      currentResidenceTitleType\n      residentSince\n      workPermitted\n      asylumProcedure {\n        state\n      }\n      naturalisationApplication {\n        state\n      }\n      naturalisationReadiness {\n        ready\n        unmetRequirements\n      }\n      languageLevel\n      jobcenterRecordId\n      receivesBenefits\n      benefitCase {\n        status\n        since\n      }\n      cooperationPlan {\n        agreedAt\n        steps\n      }\n      measures {\n        type\n        provider\n        startDate\n      }\n      counsellingContacts {\n        id\n        association\n        date\n        topic\n      }\n      housingNeeds {\n        id\n        description\n      }\n      healthNeeds {\n        id\n        description\n      }\n      languageCourses {\n        id\n        provider\n        targetLevel\n        completedAt\n      }\n    }\n  }\n": typeof types.ConsoleJoinedClientDocument,
    "\n  mutation ConsoleRecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      id\n      grantee\n      state\n    }\n  }\n": typeof types.ConsoleRecordConsentDocument,
    "\n  query ConsoleClientConsents($clientId: ID!) {\n    consentGrants(filter: { clientId: $clientId }) {\n      id\n      grantee\n      categories\n      purposes\n      validFrom\n      validUntil\n      state\n      active\n      evidenceRef\n    }\n  }\n": typeof types.ConsoleClientConsentsDocument,
    "\n  mutation ConsoleWithdrawConsent($id: ID!, $reason: String!) {\n    withdrawConsent(id: $id, reason: $reason) {\n      grantId\n      state\n      withdrawnAt\n    }\n  }\n": typeof types.ConsoleWithdrawConsentDocument,
    "\n  query ConsoleFigures {\n    statistics {\n      clientsByTown {\n        town\n        active\n        waiting\n        closed\n        total\n      }\n      intakesAndClosings(period: YEAR) {\n        periods {\n          period\n          intakes\n          closings\n        }\n      }\n      referralsByAgency {\n        toAgency\n        sent\n        acknowledged\n        overdue\n        medianDaysToFirstContact\n        medianDaysToOutcome\n      }\n    }\n  }\n": typeof types.ConsoleFiguresDocument,
    "\n  query ConsoleByImmigrationRecord($recordId: ID!) {\n    clientByImmigrationRecord(recordId: $recordId) {\n      id\n    }\n  }\n": typeof types.ConsoleByImmigrationRecordDocument,
    "\n  query ConsoleByBenefitCase($caseId: ID!) {\n    clientByBenefitCase(caseId: $caseId) {\n      id\n    }\n  }\n": typeof types.ConsoleByBenefitCaseDocument,
    "\n  query ConsoleGrants($filter: GrantFilter!) {\n    consentGrants(filter: $filter) {\n      id\n      clientId\n      grantee\n      categories\n      state\n      evidenceRef\n      recordedAt\n      events {\n        type\n        at\n        agencyName\n        reason\n      }\n    }\n  }\n": typeof types.ConsoleGrantsDocument,
    "\n  query ConsoleIncomingReferrals {\n    incomingReferrals(open: true) {\n      id\n      reason\n      sentAt\n      firstContactAt\n      outcome\n      note\n    }\n  }\n": typeof types.ConsoleIncomingReferralsDocument,
    "\n  mutation ConsoleAcknowledgeReferral($id: ID!, $on: String!) {\n    acknowledgeReferral(id: $id, firstContactOn: $on) {\n      id\n    }\n  }\n": typeof types.ConsoleAcknowledgeReferralDocument,
    "\n  mutation ConsoleReferralOutcome($id: ID!, $outcome: ReferralOutcome!, $on: String!) {\n    recordReferralOutcome(id: $id, outcome: $outcome, on: $on) {\n      id\n    }\n  }\n": typeof types.ConsoleReferralOutcomeDocument,
    "\n  query ConsoleConsentReceipt($grantId: ID!) {\n    consentReceipt(grantId: $grantId) {\n      grantId\n      fileName\n      mediaType\n      html\n    }\n  }\n": typeof types.ConsoleConsentReceiptDocument,
    "\n  query ConsoleBenefitReceipt($id: ID!, $reason: String!, $fileReference: String!) {\n    client(id: $id) {\n      id\n      benefitReceipt(reason: $reason, fileReference: $fileReference)\n    }\n  }\n": typeof types.ConsoleBenefitReceiptDocument,
};
const documents: Documents = {
    "\n  query ConsoleArt15($clientId: ID!) {\n    art15Report(clientId: $clientId) {\n      generatedAt\n      recipients {\n        name\n        disclosures\n        firstDisclosedAt\n        lastDisclosedAt\n        categories {\n          category\n          purposes\n          legalBases {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleArt15Document,
    "\n  query ConsoleAuditTrail($clientId: ID!) {\n    auditTrail(filter: { clientId: $clientId }, first: 100) {\n      edges {\n        node {\n          seq\n          at\n          agency\n          purpose\n          category\n          allowed\n          reason\n          legalBar\n        }\n      }\n    }\n    verifyAuditChain(clientId: $clientId) {\n      valid\n      entries\n      problem\n      firstBrokenSeq\n    }\n  }\n": types.ConsoleAuditTrailDocument,
    "\n  query ConsoleAuditExport($clientId: ID!) {\n    auditExport(clientId: $clientId) {\n      entries\n      document\n    }\n  }\n": types.ConsoleAuditExportDocument,
    "\n  mutation ConsoleAddNote($clientId: ID!, $category: NoteCategory!, $text: String!) {\n    addCaseNote(clientId: $clientId, category: $category, text: $text) {\n      id\n    }\n  }\n": types.ConsoleAddNoteDocument,
    "\n  mutation ConsoleSendReferral($clientId: ID!, $toAgency: Agency!, $reason: ReferralReason!, $note: String) {\n    sendReferral(clientId: $clientId, toAgency: $toAgency, reason: $reason, note: $note) {\n      id\n    }\n  }\n": types.ConsoleSendReferralDocument,
    "\n  mutation ConsoleAddGoal($clientId: ID!, $input: GoalInput!) {\n    addGoal(clientId: $clientId, input: $input) {\n      id\n    }\n  }\n": types.ConsoleAddGoalDocument,
    "\n  mutation ConsoleCloseCase($id: ID!, $closedOn: String!, $reason: ClosingReason!) {\n    closeCase(id: $id, closedOn: $closedOn, reason: $reason) {\n      clientId\n    }\n  }\n": types.ConsoleCloseCaseDocument,
    "\n  query ConsoleClients($first: Int!, $after: String, $filter: ClientFilter) {\n    clients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          givenName\n          familyName\n          town\n          status\n          targetGroup {\n            eligible\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleClientsDocument,
    "\n  query ConsoleJoinedClient($id: ID!) {\n    client(id: $id) {\n      id\n      givenName\n      familyName\n      birthDate\n      nationality\n      town\n      contact {\n        phone\n        email\n        address\n      }\n      status\n      registeredAt\n      caseManager {\n        name\n      }\n      targetGroup {\n        eligible\n        reason\n      }\n      goals {\n        id\n        title\n        status\n        dueDate\n        workedOnBy\n      }\n      referrals {\n        id\n        toAgency\n        reason\n        sentAt\n        firstContactAt\n        outcome\n      }\n      notes {\n        id\n        createdAt\n        text\n      }\n      healthNotes {\n        id\n        createdAt\n        text\n      }\n      immigrationRecordId\n      currentResidenceTitleType\n      residentSince\n      workPermitted\n      asylumProcedure {\n        state\n      }\n      naturalisationApplication {\n        state\n      }\n      naturalisationReadiness {\n        ready\n        unmetRequirements\n      }\n      languageLevel\n      jobcenterRecordId\n      receivesBenefits\n      benefitCase {\n        status\n        since\n      }\n      cooperationPlan {\n        agreedAt\n        steps\n      }\n      measures {\n        type\n        provider\n        startDate\n      }\n      counsellingContacts {\n        id\n        association\n        date\n        topic\n      }\n      housingNeeds {\n        id\n        description\n      }\n      healthNeeds {\n        id\n        description\n      }\n      languageCourses {\n        id\n        provider\n        targetLevel\n        completedAt\n      }\n    }\n  }\n": types.ConsoleJoinedClientDocument,
    "\n  mutation ConsoleRecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      id\n      grantee\n      state\n    }\n  }\n": types.ConsoleRecordConsentDocument,
    "\n  query ConsoleClientConsents($clientId: ID!) {\n    consentGrants(filter: { clientId: $clientId }) {\n      id\n      grantee\n      categories\n      purposes\n      validFrom\n      validUntil\n      state\n      active\n      evidenceRef\n    }\n  }\n": types.ConsoleClientConsentsDocument,
    "\n  mutation ConsoleWithdrawConsent($id: ID!, $reason: String!) {\n    withdrawConsent(id: $id, reason: $reason) {\n      grantId\n      state\n      withdrawnAt\n    }\n  }\n": types.ConsoleWithdrawConsentDocument,
    "\n  query ConsoleFigures {\n    statistics {\n      clientsByTown {\n        town\n        active\n        waiting\n        closed\n        total\n      }\n      intakesAndClosings(period: YEAR) {\n        periods {\n          period\n          intakes\n          closings\n        }\n      }\n      referralsByAgency {\n        toAgency\n        sent\n        acknowledged\n        overdue\n        medianDaysToFirstContact\n        medianDaysToOutcome\n      }\n    }\n  }\n": types.ConsoleFiguresDocument,
    "\n  query ConsoleByImmigrationRecord($recordId: ID!) {\n    clientByImmigrationRecord(recordId: $recordId) {\n      id\n    }\n  }\n": types.ConsoleByImmigrationRecordDocument,
    "\n  query ConsoleByBenefitCase($caseId: ID!) {\n    clientByBenefitCase(caseId: $caseId) {\n      id\n    }\n  }\n": types.ConsoleByBenefitCaseDocument,
    "\n  query ConsoleGrants($filter: GrantFilter!) {\n    consentGrants(filter: $filter) {\n      id\n      clientId\n      grantee\n      categories\n      state\n      evidenceRef\n      recordedAt\n      events {\n        type\n        at\n        agencyName\n        reason\n      }\n    }\n  }\n": types.ConsoleGrantsDocument,
    "\n  query ConsoleIncomingReferrals {\n    incomingReferrals(open: true) {\n      id\n      reason\n      sentAt\n      firstContactAt\n      outcome\n      note\n    }\n  }\n": types.ConsoleIncomingReferralsDocument,
    "\n  mutation ConsoleAcknowledgeReferral($id: ID!, $on: String!) {\n    acknowledgeReferral(id: $id, firstContactOn: $on) {\n      id\n    }\n  }\n": types.ConsoleAcknowledgeReferralDocument,
    "\n  mutation ConsoleReferralOutcome($id: ID!, $outcome: ReferralOutcome!, $on: String!) {\n    recordReferralOutcome(id: $id, outcome: $outcome, on: $on) {\n      id\n    }\n  }\n": types.ConsoleReferralOutcomeDocument,
    "\n  query ConsoleConsentReceipt($grantId: ID!) {\n    consentReceipt(grantId: $grantId) {\n      grantId\n      fileName\n      mediaType\n      html\n    }\n  }\n": types.ConsoleConsentReceiptDocument,
    "\n  query ConsoleBenefitReceipt($id: ID!, $reason: String!, $fileReference: String!) {\n    client(id: $id) {\n      id\n      benefitReceipt(reason: $reason, fileReference: $fileReference)\n    }\n  }\n": types.ConsoleBenefitReceiptDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleArt15($clientId: ID!) {\n    art15Report(clientId: $clientId) {\n      generatedAt\n      recipients {\n        name\n        disclosures\n        firstDisclosedAt\n        lastDisclosedAt\n        categories {\n          category\n          purposes\n          legalBases {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleArt15($clientId: ID!) {\n    art15Report(clientId: $clientId) {\n      generatedAt\n      recipients {\n        name\n        disclosures\n        firstDisclosedAt\n        lastDisclosedAt\n        categories {\n          category\n          purposes\n          legalBases {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditTrail($clientId: ID!) {\n    auditTrail(filter: { clientId: $clientId }, first: 100) {\n      edges {\n        node {\n          seq\n          at\n          agency\n          purpose\n          category\n          allowed\n          reason\n          legalBar\n        }\n      }\n    }\n    verifyAuditChain(clientId: $clientId) {\n      valid\n      entries\n      problem\n      firstBrokenSeq\n    }\n  }\n"): (typeof documents)["\n  query ConsoleAuditTrail($clientId: ID!) {\n    auditTrail(filter: { clientId: $clientId }, first: 100) {\n      edges {\n        node {\n          seq\n          at\n          agency\n          purpose\n          category\n          allowed\n          reason\n          legalBar\n        }\n      }\n    }\n    verifyAuditChain(clientId: $clientId) {\n      valid\n      entries\n      problem\n      firstBrokenSeq\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditExport($clientId: ID!) {\n    auditExport(clientId: $clientId) {\n      entries\n      document\n    }\n  }\n"): (typeof documents)["\n  query ConsoleAuditExport($clientId: ID!) {\n    auditExport(clientId: $clientId) {\n      entries\n      document\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddNote($clientId: ID!, $category: NoteCategory!, $text: String!) {\n    addCaseNote(clientId: $clientId, category: $category, text: $text) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddNote($clientId: ID!, $category: NoteCategory!, $text: String!) {\n    addCaseNote(clientId: $clientId, category: $category, text: $text) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSendReferral($clientId: ID!, $toAgency: Agency!, $reason: ReferralReason!, $note: String) {\n    sendReferral(clientId: $clientId, toAgency: $toAgency, reason: $reason, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSendReferral($clientId: ID!, $toAgency: Agency!, $reason: ReferralReason!, $note: String) {\n    sendReferral(clientId: $clientId, toAgency: $toAgency, reason: $reason, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddGoal($clientId: ID!, $input: GoalInput!) {\n    addGoal(clientId: $clientId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddGoal($clientId: ID!, $input: GoalInput!) {\n    addGoal(clientId: $clientId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCloseCase($id: ID!, $closedOn: String!, $reason: ClosingReason!) {\n    closeCase(id: $id, closedOn: $closedOn, reason: $reason) {\n      clientId\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCloseCase($id: ID!, $closedOn: String!, $reason: ClosingReason!) {\n    closeCase(id: $id, closedOn: $closedOn, reason: $reason) {\n      clientId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleClients($first: Int!, $after: String, $filter: ClientFilter) {\n    clients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          givenName\n          familyName\n          town\n          status\n          targetGroup {\n            eligible\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleClients($first: Int!, $after: String, $filter: ClientFilter) {\n    clients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          givenName\n          familyName\n          town\n          status\n          targetGroup {\n            eligible\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleJoinedClient($id: ID!) {\n    client(id: $id) {\n      id\n      givenName\n      familyName\n      birthDate\n      nationality\n      town\n      contact {\n        phone\n        email\n        address\n      }\n      status\n      registeredAt\n      caseManager {\n        name\n      }\n      targetGroup {\n        eligible\n        reason\n      }\n      goals {\n        id\n        title\n        status\n        dueDate\n        workedOnBy\n      }\n      referrals {\n        id\n        toAgency\n        reason\n        sentAt\n        firstContactAt\n        outcome\n      }\n      notes {\n        id\n        createdAt\n        text\n      }\n      healthNotes {\n        id\n        createdAt\n        text\n      }\n      immigrationRecordId\n      currentResidenceTitleType\n      residentSince\n      workPermitted\n      asylumProcedure {\n        state\n      }\n      naturalisationApplication {\n        state\n      }\n      naturalisationReadiness {\n        ready\n        unmetRequirements\n      }\n      languageLevel\n      jobcenterRecordId\n      receivesBenefits\n      benefitCase {\n        status\n        since\n      }\n      cooperationPlan {\n        agreedAt\n        steps\n      }\n      measures {\n        type\n        provider\n        startDate\n      }\n      counsellingContacts {\n        id\n        association\n        date\n        topic\n      }\n      housingNeeds {\n        id\n        description\n      }\n      healthNeeds {\n        id\n        description\n      }\n      languageCourses {\n        id\n        provider\n        targetLevel\n        completedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleJoinedClient($id: ID!) {\n    client(id: $id) {\n      id\n      givenName\n      familyName\n      birthDate\n      nationality\n      town\n      contact {\n        phone\n        email\n        address\n      }\n      status\n      registeredAt\n      caseManager {\n        name\n      }\n      targetGroup {\n        eligible\n        reason\n      }\n      goals {\n        id\n        title\n        status\n        dueDate\n        workedOnBy\n      }\n      referrals {\n        id\n        toAgency\n        reason\n        sentAt\n        firstContactAt\n        outcome\n      }\n      notes {\n        id\n        createdAt\n        text\n      }\n      healthNotes {\n        id\n        createdAt\n        text\n      }\n      immigrationRecordId\n      currentResidenceTitleType\n      residentSince\n      workPermitted\n      asylumProcedure {\n        state\n      }\n      naturalisationApplication {\n        state\n      }\n      naturalisationReadiness {\n        ready\n        unmetRequirements\n      }\n      languageLevel\n      jobcenterRecordId\n      receivesBenefits\n      benefitCase {\n        status\n        since\n      }\n      cooperationPlan {\n        agreedAt\n        steps\n      }\n      measures {\n        type\n        provider\n        startDate\n      }\n      counsellingContacts {\n        id\n        association\n        date\n        topic\n      }\n      housingNeeds {\n        id\n        description\n      }\n      healthNeeds {\n        id\n        description\n      }\n      languageCourses {\n        id\n        provider\n        targetLevel\n        completedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      id\n      grantee\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      id\n      grantee\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleClientConsents($clientId: ID!) {\n    consentGrants(filter: { clientId: $clientId }) {\n      id\n      grantee\n      categories\n      purposes\n      validFrom\n      validUntil\n      state\n      active\n      evidenceRef\n    }\n  }\n"): (typeof documents)["\n  query ConsoleClientConsents($clientId: ID!) {\n    consentGrants(filter: { clientId: $clientId }) {\n      id\n      grantee\n      categories\n      purposes\n      validFrom\n      validUntil\n      state\n      active\n      evidenceRef\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleWithdrawConsent($id: ID!, $reason: String!) {\n    withdrawConsent(id: $id, reason: $reason) {\n      grantId\n      state\n      withdrawnAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleWithdrawConsent($id: ID!, $reason: String!) {\n    withdrawConsent(id: $id, reason: $reason) {\n      grantId\n      state\n      withdrawnAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleFigures {\n    statistics {\n      clientsByTown {\n        town\n        active\n        waiting\n        closed\n        total\n      }\n      intakesAndClosings(period: YEAR) {\n        periods {\n          period\n          intakes\n          closings\n        }\n      }\n      referralsByAgency {\n        toAgency\n        sent\n        acknowledged\n        overdue\n        medianDaysToFirstContact\n        medianDaysToOutcome\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleFigures {\n    statistics {\n      clientsByTown {\n        town\n        active\n        waiting\n        closed\n        total\n      }\n      intakesAndClosings(period: YEAR) {\n        periods {\n          period\n          intakes\n          closings\n        }\n      }\n      referralsByAgency {\n        toAgency\n        sent\n        acknowledged\n        overdue\n        medianDaysToFirstContact\n        medianDaysToOutcome\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleByImmigrationRecord($recordId: ID!) {\n    clientByImmigrationRecord(recordId: $recordId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ConsoleByImmigrationRecord($recordId: ID!) {\n    clientByImmigrationRecord(recordId: $recordId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleByBenefitCase($caseId: ID!) {\n    clientByBenefitCase(caseId: $caseId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ConsoleByBenefitCase($caseId: ID!) {\n    clientByBenefitCase(caseId: $caseId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleGrants($filter: GrantFilter!) {\n    consentGrants(filter: $filter) {\n      id\n      clientId\n      grantee\n      categories\n      state\n      evidenceRef\n      recordedAt\n      events {\n        type\n        at\n        agencyName\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleGrants($filter: GrantFilter!) {\n    consentGrants(filter: $filter) {\n      id\n      clientId\n      grantee\n      categories\n      state\n      evidenceRef\n      recordedAt\n      events {\n        type\n        at\n        agencyName\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleIncomingReferrals {\n    incomingReferrals(open: true) {\n      id\n      reason\n      sentAt\n      firstContactAt\n      outcome\n      note\n    }\n  }\n"): (typeof documents)["\n  query ConsoleIncomingReferrals {\n    incomingReferrals(open: true) {\n      id\n      reason\n      sentAt\n      firstContactAt\n      outcome\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAcknowledgeReferral($id: ID!, $on: String!) {\n    acknowledgeReferral(id: $id, firstContactOn: $on) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAcknowledgeReferral($id: ID!, $on: String!) {\n    acknowledgeReferral(id: $id, firstContactOn: $on) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReferralOutcome($id: ID!, $outcome: ReferralOutcome!, $on: String!) {\n    recordReferralOutcome(id: $id, outcome: $outcome, on: $on) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleReferralOutcome($id: ID!, $outcome: ReferralOutcome!, $on: String!) {\n    recordReferralOutcome(id: $id, outcome: $outcome, on: $on) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleConsentReceipt($grantId: ID!) {\n    consentReceipt(grantId: $grantId) {\n      grantId\n      fileName\n      mediaType\n      html\n    }\n  }\n"): (typeof documents)["\n  query ConsoleConsentReceipt($grantId: ID!) {\n    consentReceipt(grantId: $grantId) {\n      grantId\n      fileName\n      mediaType\n      html\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBenefitReceipt($id: ID!, $reason: String!, $fileReference: String!) {\n    client(id: $id) {\n      id\n      benefitReceipt(reason: $reason, fileReference: $fileReference)\n    }\n  }\n"): (typeof documents)["\n  query ConsoleBenefitReceipt($id: ID!, $reason: String!, $fileReference: String!) {\n    client(id: $id) {\n      id\n      benefitReceipt(reason: $reason, fileReference: $fileReference)\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;