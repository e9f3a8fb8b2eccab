import { builder } from '../builder.ts';
import {
  MetricValueColumnScalar,
  NullableMetricValueColumnScalar,
  SafeIntColumnScalar,
  StepColumnScalar,
} from './column-scalars.ts';
import { MetricValueScalar, SafeIntScalar, StepScalar } from './scalars.ts';

builder.addScalarType('SafeInt', SafeIntScalar);
builder.addScalarType('MetricValue', MetricValueScalar);
builder.addScalarType('SafeIntColumn', SafeIntColumnScalar);
builder.addScalarType('MetricValueColumn', MetricValueColumnScalar);
builder.addScalarType('NullableMetricValueColumn', NullableMetricValueColumnScalar);
builder.addScalarType('Step', StepScalar);
builder.addScalarType('StepColumn', StepColumnScalar);
