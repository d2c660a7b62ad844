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

export enum PrecedentMatchKind {
  TEXT = 'TEXT',
  KEYWORD = 'KEYWORD',
}
registerEnumType(PrecedentMatchKind, {
  name: 'PrecedentMatchKind',
  description: 'What of a precedent a search matched',
  valuesConfig: {
    TEXT: { description: 'Its summary or significant features, in its language' },
    KEYWORD: { description: 'A keyword or legal issue it is tagged with, by its label in any language of the region' },
  },
});

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

  @Field(() => [PrecedentHighlight], { description: 'Where the search words are (a phrase as one match); empty without search' })
  highlights!: PrecedentHighlight[];

  @Field(() => [PrecedentMatchKind], { description: 'What the search matched: its text, a keyword, or both; empty without search' })
  matchedBy!: PrecedentMatchKind[];
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
