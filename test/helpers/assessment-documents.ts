import { graphql } from '../gql/index.ts';

export const AssessmentFields = graphql(`
  fragment AssessmentFields on Assessment {
    assessmentId
    traceId
    name
    kind
    valueJson
    error { errorCode errorMessage stackTrace }
    rationale
    sourceType
    sourceId
    spanId
    metadata { key value }
    overrides
    valid
    createTime
    lastUpdateTime
  }
`);

export const CreateAssessment = graphql(`
  mutation CreateAssessment($input: CreateAssessmentInput!) {
    createAssessment(input: $input) {
      __typename
      ... on CreateAssessmentSuccess { assessment { ...AssessmentFields } }
      ...ErrorFields
    }
  }
`);

export const UpdateAssessment = graphql(`
  mutation UpdateAssessment($input: UpdateAssessmentInput!) {
    updateAssessment(input: $input) {
      __typename
      ... on UpdateAssessmentSuccess { assessment { ...AssessmentFields } }
      ...ErrorFields
    }
  }
`);

export const DeleteAssessment = graphql(`
  mutation DeleteAssessment($input: DeleteAssessmentInput!) {
    deleteAssessment(input: $input) {
      __typename
      ... on DeleteAssessmentSuccess { deleted }
      ...ErrorFields
    }
  }
`);

export const TraceAssessments = graphql(`
  query TraceAssessments($traceId: String!) {
    trace(traceId: $traceId) { traceId assessments { ...AssessmentFields } }
  }
`);
