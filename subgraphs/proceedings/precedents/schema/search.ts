import 'reflect-metadata';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../../common/storage';
import { Precedent } from './precedent';

/** A page of search results: each precedent with its relevance and where the search words were found. */

export enum PrecedentTextField {
  SUMMARY = 'SUMMARY',
  SIGNIFICANT_FEATURES = 'SIGNIFICANT_FEATURES',
  KEYWORDS = 'KEYWORDS',
}
registerEnumType(PrecedentTextField, { name: 'PrecedentTextField' });

@ObjectType({ description: 'Where a search word was found' })
export class TextMatch {
  @Field(() => Int, { description: 'Offset in the snippet (UTF-16 code units, as JavaScript strings count)' })
  start!: number;

  @Field(() => Int)
  length!: number;
}

@ObjectType({ description: 'A passage of a precedent with the words the search matched' })
export class PrecedentHighlight {
  @Field(() => PrecedentTextField)
  field!: PrecedentTextField;

  @Field({ description: 'Plain text; … where it is cut' })
  snippet!: string;

  @Field(() => [TextMatch])
  matches!: TextMatch[];
}

@ObjectType()
export class PrecedentEdge {
  @Field()
  cursor!: string;

  @Field(() => Precedent)
  node!: Precedent;

  @Field(() => Float, { nullable: true, description: 'Relevance to the search (higher is closer); null without search' })
  score!: number | null;

  @Field(() => [PrecedentHighlight], { description: 'Where the search words are; empty without search' })
  highlights!: PrecedentHighlight[];
}

@ObjectType()
export class PrecedentConnection {
  @Field(() => [PrecedentEdge])
  edges!: PrecedentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many precedents match, across all pages (exact)' })
  totalCount!: number;
}
