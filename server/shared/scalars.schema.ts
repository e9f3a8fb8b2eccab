import { builder } from '../builder.ts';
import { MetricValueScalar, SafeIntScalar } from './scalars.ts';

builder.addScalarType('SafeInt', SafeIntScalar);
builder.addScalarType('MetricValue', MetricValueScalar);
