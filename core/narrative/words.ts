// Words the readers of a narrative share: what makes a year the year compared with, not the year spoken of.

/** Words right before a year that make it the year compared with ("比 2020 年"), not "经比较，2021 年". */
export const COMPARING = /(?:^|[^经比])(?:比|较|与)$|相较于$|对比$/;
