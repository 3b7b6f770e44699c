import { failOnContractViolations } from '../contract/contract-violation-log';

// Every test that sent requests to an application of the harness fails when one of the responses broke the
// OpenAPI contract (see checkResponsesAgainstContract).
afterEach(() => {
  failOnContractViolations();
});
