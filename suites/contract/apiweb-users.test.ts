// Snyk API & Web GET /users/ (seed 004).
import { defineContractSuite } from './contract-harness.ts';

defineContractSuite('API & Web users', ['GET /users/']);
