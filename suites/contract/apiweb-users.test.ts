// Snyk API & Web GET /users/ (users-list docs).
import { defineContractSuite } from './contract-harness.ts';

defineContractSuite('API & Web users', ['GET /users/']);
